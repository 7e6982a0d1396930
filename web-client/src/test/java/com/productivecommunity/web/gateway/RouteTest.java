package com.productivecommunity.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void readsGoToQueryAndEverythingElseToCommand() {
        assertThat(Route.of("GET", "/api/communities")).isEqualTo(Route.QUERY);
        assertThat(Route.of("GET", "/api/feed/stream")).isEqualTo(Route.QUERY);
        assertThat(Route.of("POST", "/api/communities")).isEqualTo(Route.COMMAND);
        assertThat(Route.of("PUT", "/api/contributions/x/accepted-answer")).isEqualTo(Route.COMMAND);
        assertThat(Route.of("DELETE", "/api/communities/x/members/me")).isEqualTo(Route.COMMAND);
    }

    @Test
    void analyticsAndAdminPathsGoToTheirService() {
        assertThat(Route.of("GET", "/api/analytics/communities/x")).isEqualTo(Route.ANALYTICS);
        assertThat(Route.of("POST", "/api/admin/projections/analytics/rebuild")).isEqualTo(Route.ANALYTICS);
        assertThat(Route.of("POST", "/api/admin/projections/query/rebuild")).isEqualTo(Route.QUERY);
        assertThat(Route.of("GET", "/api/admin/projections/analytics")).isEqualTo(Route.ANALYTICS);
    }

    @Test
    void theAuditLogsReadsGoToCommandServiceWhereTheLogIs() {
        assertThat(Route.of("GET", "/api/audit/tree-head")).isEqualTo(Route.COMMAND);
        assertThat(Route.of("GET", "/api/audit/status")).isEqualTo(Route.COMMAND);
        assertThat(Route.of("GET", "/api/audit/export")).isEqualTo(Route.COMMAND);
        assertThat(Route.of("GET", "/api/auditors")).isEqualTo(Route.QUERY);
    }

    @Test
    void searchGoesToQuery() {
        assertThat(Route.of("GET", "/api/search")).isEqualTo(Route.QUERY);
        assertThat(Route.isLiveStream("/api/search")).isFalse();
    }

    /** Issue 17: the new commands go to command-service, the history read to query-service (no rule needed). */
    @Test
    void leadershipEditingAndModerationGoToCommandAndTheHistoryToQuery() {
        assertThat(Route.of("POST", "/api/communities/x/leaders")).isEqualTo(Route.COMMAND);
        assertThat(Route.of("DELETE", "/api/communities/x/leaders/bob")).isEqualTo(Route.COMMAND);
        assertThat(Route.of("POST", "/api/communities/x/members/bob/removal")).isEqualTo(Route.COMMAND);
        assertThat(Route.of("PUT", "/api/contributions/x")).isEqualTo(Route.COMMAND);
        assertThat(Route.of("DELETE", "/api/contributions/x")).isEqualTo(Route.COMMAND);
        assertThat(Route.of("PUT", "/api/contributions/x/hidden")).isEqualTo(Route.COMMAND);
        assertThat(Route.of("GET", "/api/contributions/x/history")).isEqualTo(Route.QUERY);
    }

    @Test
    void notificationsGoToQueryMarkingReadIncluded() {
        assertThat(Route.of("GET", "/api/notifications")).isEqualTo(Route.QUERY);
        assertThat(Route.of("POST", "/api/notifications/read")).isEqualTo(Route.QUERY);
        assertThat(Route.of("GET", "/api/notifications/digest")).isEqualTo(Route.QUERY);
        assertThat(Route.isLiveStream("/api/notifications/stream")).isTrue();
        assertThat(Route.of("POST", "/api/notificationsx")).isEqualTo(Route.COMMAND);
    }
}
