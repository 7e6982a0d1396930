package com.productivecommunity.analytics.engine;

import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.analytics.model.ValueModelReader;
import com.productivecommunity.events.CommunityEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The whole analytics projection in memory: engine, rule state, tally and ledger, for plain-object tests. */
public final class Replay {

    public static final ValueModel V1 = ValueModelReader.fromClasspath("v1");

    public final ValueEngine engine;
    public final MemoryRuleState state = new MemoryRuleState();
    public final Tally tally = new Tally();
    public final List<LedgerEntry> ledger = new ArrayList<>();

    public Replay(List<ValueModel> models) {
        engine = new ValueEngine(models);
    }

    public Replay() {
        this(List.of(V1));
    }

    public Replay apply(CommunityEvent... events) {
        return apply(List.of(events));
    }

    public Replay apply(List<? extends CommunityEvent> events) {
        List<String> models = engine.models().stream().map(ValueModel::name).toList();
        for (CommunityEvent event : events) {
            List<LedgerEntry> entries = engine.apply(event, state);
            ledger.addAll(entries);
            tally.record(event.communityId(), event.occurredAt(), entries, models);
        }
        return this;
    }

    public MemberFigures member(UUID communityId, String memberId) {
        return tally.member(new Tally.MemberKey("v1", communityId, memberId));
    }

    public CommunityFigures community(UUID communityId) {
        return tally.community(new Tally.CommunityKey("v1", communityId));
    }

    public Verdict verdict(UUID communityId) {
        return Verdict.of(community(communityId), V1.productiveShareThreshold());
    }

    public List<LedgerEntry> ledgerOf(UUID communityId, String memberId) {
        return ledger.stream()
                .filter(e -> e.communityId().equals(communityId) && e.memberId().equals(memberId)).toList();
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
