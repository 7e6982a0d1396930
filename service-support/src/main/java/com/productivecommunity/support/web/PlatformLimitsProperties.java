package com.productivecommunity.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-member limits ({@code platform.limits.*}). The defaults are generous (a benchmark's 16 clients acting
 * as the seven demo members stay well below them); they stop a runaway client, not a busy person. A
 * production deployment sets what its people need, e.g. commands 20 per second with a burst of 100.
 *
 * @param enabled      false turns every limit below off
 * @param commands     state-changing calls ({@code POST}, {@code PUT}, {@code DELETE} on {@code /api/**}) per member
 * @param reads        {@code GET /api/**} per member (feeds, threads, figures, ledgers: each a database query)
 * @param awaitPerMember how many reads carrying {@code X-Await-Position} one member may have waiting at once
 * @param trackedMembers how many members' buckets are kept (least recently seen ones are forgotten first)
 */
@ConfigurationProperties("platform.limits")
public record PlatformLimitsProperties(Boolean enabled, Rate commands, Rate reads, Integer awaitPerMember,
                                       Integer trackedMembers) {

    public PlatformLimitsProperties {
        enabled = enabled == null || enabled;
        commands = commands == null ? new Rate(2000L, 1000L) : commands.withDefaults(2000L, 1000L);
        reads = reads == null ? new Rate(4000L, 2000L) : reads.withDefaults(4000L, 2000L);
        awaitPerMember = awaitPerMember == null ? 64 : awaitPerMember;
        trackedMembers = trackedMembers == null ? 100_000 : trackedMembers;
    }

    /**
     * A token bucket: {@code capacity} calls at once, refilled at {@code perSecond}.
     */
    public record Rate(Long capacity, Long perSecond) {
        Rate withDefaults(long defaultCapacity, long defaultPerSecond) {
            return new Rate(capacity == null ? defaultCapacity : capacity, perSecond == null ? defaultPerSecond : perSecond);
        }
    }
}
