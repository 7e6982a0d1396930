package com.productivecommunity.analytics.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Member and community figures, updated entry by entry: a community's counts change by the difference
 * between one member's state before and after an entry, never by recounting. Also keeps, per community and
 * UTC day, the figures as they stood after the day's last event (the timeline).
 * Used whole in memory by tests and replays, and as a batch's working set by the database store, which
 * loads the figures a batch touches first and writes back the changed ones.
 */
public final class Tally {

    public record MemberKey(String model, UUID communityId, String memberId) {
    }

    public record CommunityKey(String model, UUID communityId) {
    }

    public record DayKey(String model, UUID communityId, LocalDate day) {
    }

    private final Map<MemberKey, MemberFigures> members = new HashMap<>();
    private final Map<CommunityKey, CommunityFigures> communities = new HashMap<>();
    private final Map<CommunityKey, LocalDate> lastDays = new HashMap<>();
    private final Map<DayKey, CommunityFigures> days = new LinkedHashMap<>();
    private final Set<MemberKey> changedMembers = new LinkedHashSet<>();
    private final Set<CommunityKey> changedCommunities = new LinkedHashSet<>();

    public void loadMember(MemberKey key, MemberFigures figures) {
        members.put(key, figures);
    }

    public void loadCommunity(CommunityKey key, CommunityFigures figures, LocalDate lastDay) {
        communities.put(key, figures);
        if (lastDay != null) {
            lastDays.put(key, lastDay);
        }
    }

    /**
     * Applies one event's entries, then stamps the community's figures on the event's day for each model.
     * A day earlier than one already stamped (a producer's clock going back) stamps that later day instead,
     * so the timeline's cumulative figures never go back in time.
     */
    public void record(UUID communityId, Instant occurredAt, Collection<LedgerEntry> entries,
                       Collection<String> models) {
        for (LedgerEntry entry : entries) {
            apply(entry);
        }
        LocalDate eventDay = occurredAt.atZone(ZoneOffset.UTC).toLocalDate();
        for (String model : models) {
            CommunityKey key = new CommunityKey(model, communityId);
            LocalDate last = lastDays.get(key);
            LocalDate day = last != null && last.isAfter(eventDay) ? last : eventDay;
            lastDays.put(key, day);
            days.put(new DayKey(model, communityId, day), community(key));
            changedCommunities.add(key);
        }
    }

    void apply(LedgerEntry entry) {
        CommunityKey communityKey = new CommunityKey(entry.model(), entry.communityId());
        CommunityFigures community = community(communityKey);
        if (entry.organizationBenefit().signum() != 0) {
            community = community.withOrganizationBenefit(entry.organizationBenefit());
        }
        if (entry.contribution().signum() != 0 || entry.benefit().signum() != 0) {
            MemberKey memberKey = new MemberKey(entry.model(), entry.communityId(), entry.memberId());
            MemberFigures before = member(memberKey);
            MemberFigures after = before.plus(entry);
            members.put(memberKey, after);
            changedMembers.add(memberKey);
            community = community.withMemberChange(before, after);
        }
        communities.put(communityKey, community);
        changedCommunities.add(communityKey);
    }

    public MemberFigures member(MemberKey key) {
        return members.getOrDefault(key, MemberFigures.ZERO);
    }

    public CommunityFigures community(CommunityKey key) {
        return communities.getOrDefault(key, CommunityFigures.ZERO);
    }

    public LocalDate lastDay(CommunityKey key) {
        return lastDays.get(key);
    }

    public Map<MemberKey, MemberFigures> members() {
        return members;
    }

    public Map<DayKey, CommunityFigures> days() {
        return days;
    }

    public Set<MemberKey> changedMembers() {
        return changedMembers;
    }

    public Set<CommunityKey> changedCommunities() {
        return changedCommunities;
    }
}
