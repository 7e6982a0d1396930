package com.productivecommunity.analytics.trail;

import com.productivecommunity.analytics.engine.CommunityFigures;
import com.productivecommunity.analytics.engine.Decimals;
import com.productivecommunity.analytics.engine.MemberFigures;
import com.productivecommunity.analytics.trail.TrailEvent.Change;
import com.productivecommunity.analytics.trail.TrailEvent.MemberChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Follows one community's figures through its ledger, entry by entry in the order they were applied (the rows of
 * one event are consecutive), and hands every event that changed at least one figure to {@code sink}. Plain Java:
 * the state is the running figures of each member (one map entry per member with a ledger entry).
 */
public final class TrailBuilder {

    private final BigDecimal threshold;
    private final Consumer<TrailEvent> sink;
    private final Map<String, MemberFigures> members = new HashMap<>();
    private CommunityFigures figures = CommunityFigures.ZERO;
    private CommunityFigureValues values;

    // The event being read: its first row, the figures before it and the members it touched (before figures).
    private LedgerRow first;
    private long lastId;
    private CommunityFigureValues before;
    private final Map<String, MemberFigures> touched = new LinkedHashMap<>();

    public TrailBuilder(BigDecimal threshold, Consumer<TrailEvent> sink) {
        this.threshold = threshold;
        this.sink = sink;
        this.values = CommunityFigureValues.of(figures, threshold);
    }

    public void accept(LedgerRow row) {
        if (first != null && !first.eventId().equals(row.eventId())) {
            finishEvent();
        }
        if (first == null) {
            first = row;
            before = values;
        }
        lastId = row.id();
        MemberFigures was = members.getOrDefault(row.memberId(), MemberFigures.ZERO);
        touched.putIfAbsent(row.memberId(), was);
        MemberFigures now = was.plus(row.contribution(), row.benefit());
        members.put(row.memberId(), now);
        figures = figures.withMemberChange(was, now);
        if (row.organizationBenefit().signum() != 0) {
            figures = figures.withOrganizationBenefit(row.organizationBenefit());
        }
    }

    /** Ends the last event; call once after the last row. */
    public void finish() {
        if (first != null) {
            finishEvent();
        }
    }

    /** The figures after every row accepted so far (the ones of the summary read at the same asOf). */
    public CommunityFigureValues figures() {
        return CommunityFigureValues.of(figures, threshold);
    }

    /** The running totals, contribution and benefit included. */
    public CommunityFigures totals() {
        return figures;
    }

    private void finishEvent() {
        values = CommunityFigureValues.of(figures, threshold);
        List<Change> changes = new ArrayList<>();
        for (String name : CommunityFigureValues.NAMES) {
            Object a = before.value(name);
            Object b = values.value(name);
            if (!CommunityFigureValues.same(a, b)) {
                changes.add(new Change(name, a, b));
            }
        }
        if (!changes.isEmpty()) {
            List<MemberChange> memberChanges = new ArrayList<>();
            touched.forEach((member, was) -> {
                MemberFigures now = members.get(member);
                memberChanges.add(new MemberChange(member, Decimals.exact(was.contribution()),
                        Decimals.exact(now.contribution()), Decimals.exact(was.benefit()), Decimals.exact(now.benefit()),
                        was.benefitingMore(), now.benefitingMore()));
            });
            UUID eventId = first.eventId();
            String eventType = first.eventType();
            Instant occurredAt = first.occurredAt();
            sink.accept(new TrailEvent(Long.toString(lastId), eventId, eventType, occurredAt,
                    List.copyOf(touched.keySet()), List.copyOf(changes), before.productive() != values.productive(),
                    List.copyOf(memberChanges), values));
        }
        first = null;
        touched.clear();
    }
}
