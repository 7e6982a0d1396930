package com.productivecommunity.web.gateway;

/** Which service answers a call: the gateway's whole routing rule, as a plain function. */
enum Route {
    COMMAND, QUERY, ANALYTICS;

    static Route of(String method, String path) {
        if (path.startsWith("/api/analytics/") || path.equals("/api/analytics")
                || path.startsWith("/api/admin/projections/analytics")) {
            return ANALYTICS;
        }
        if (path.startsWith("/api/admin/projections/query")) {
            return QUERY;
        }
        if (path.startsWith("/api/notifications/") || path.equals("/api/notifications")) {
            return QUERY; // a member's notifications live in query-service's read model, marking read included
        }
        if (path.startsWith("/api/audit/") || path.equals("/api/audit")) {
            return COMMAND; // the audit log lives beside the event store it covers, reads included
        }
        return "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method) ? QUERY : COMMAND;
    }

    static boolean isLiveStream(String path) {
        return path.endsWith("/stream");
    }
}
