package com.productivecommunity.query.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Renders and sends every member's digest of the past week through {@link DigestSender}, on the configured cron
 * ({@link DigestProperties}). A member's week is claimed in {@code digest_sent} before it is sent, so a second run
 * (a restart, another instance) never sends it again; a failed send gives the claim back. Weeks with nothing for the
 * member are not sent.
 */
@Component
class DigestJob implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final DigestReads reads;
    private final DigestRenderer renderer;
    private final DigestSender sender;
    private final JdbcTemplate jdbc;
    private final DigestProperties properties;
    private final ThreadPoolTaskScheduler scheduler;

    DigestJob(DigestReads reads, DigestRenderer renderer, DigestSender sender, JdbcTemplate jdbc,
              DigestProperties properties) {
        this.reads = reads;
        this.renderer = renderer;
        this.sender = sender;
        this.jdbc = jdbc;
        this.properties = properties;
        CronTrigger trigger = new CronTrigger(properties.cron(), properties.zone()); // a wrong cron fails the start
        if (properties.enabled()) {
            scheduler = new ThreadPoolTaskScheduler();
            scheduler.setThreadNamePrefix("weekly-digest-");
            scheduler.setDaemon(true);
            scheduler.initialize();
            scheduler.schedule(this::sendPastWeek, trigger);
            log.info("Weekly digests are sent on '{}' ({}) through {}", properties.cron(), properties.zone(),
                    sender.getClass().getSimpleName());
        } else {
            scheduler = null;
        }
    }

    private void sendPastWeek() {
        try {
            LocalDate today = LocalDate.now(properties.zone());
            send(DigestReads.weekOf(today).minusWeeks(1));
        } catch (RuntimeException e) {
            log.warn("The weekly digest run failed", e);
        }
    }

    /** Sends the digest of the week starting {@code weekStart} (a Monday) to every member not yet sent it; how many were sent. */
    int send(LocalDate weekStart) {
        int sent = 0;
        for (DigestReads.Recipient recipient : reads.members()) {
            String member = recipient.memberId();
            Digest digest = reads.digest(member, recipient.external(), weekStart);
            if (digest.hasNothing()) {
                continue;
            }
            int claimed = jdbc.update("INSERT INTO digest_sent (member_id, week_start, sent_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", member, digest.weekStart(), OffsetDateTime.now(ZoneOffset.UTC));
            if (claimed == 0) {
                continue;
            }
            try {
                sender.send(new DigestMessage(member, digest.weekStart(), renderer.subject(digest),
                        renderer.text(digest), renderer.html(digest)));
                sent++;
            } catch (RuntimeException e) {
                jdbc.update("DELETE FROM digest_sent WHERE member_id = ? AND week_start = ?", member, digest.weekStart());
                log.warn("Could not send {}'s digest of the week of {}", member, digest.weekStart(), e);
            }
        }
        log.info("Sent {} weekly digests for the week of {}", sent, weekStart);
        return sent;
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }
}
