package com.productivecommunity.support.security;

import com.productivecommunity.events.Segments;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated member a request acts for; declare it as a controller method parameter.
 *
 * @param id       the member id: the demo user name, or under {@code prod} the token's configured stable claim
 * @param roles    platform roles (ANALYST, AUDITOR, OPERATOR)
 * @param segments the person's segments in the organization (leader, manager, employee, remote, production,
 *                 partner, customer) as the directory says; empty where it says nothing
 */
public record Member(String id, Set<String> roles, Set<String> segments) {

    public static final String ANALYST = "ANALYST";
    public static final String AUDITOR = "AUDITOR";
    public static final String EMPLOYEE = "EMPLOYEE";
    /** Operations: metrics and detailed health; a scraper's role, never a person's by default. */
    public static final String OPERATOR = "OPERATOR";

    public Member {
        Objects.requireNonNull(id, "id");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        segments = segments == null ? Set.of() : Set.copyOf(segments);
    }

    public Member(String id, Set<String> roles) {
        this(id, roles, Set.of());
    }

    public boolean isAnalyst() {
        return roles.contains(ANALYST);
    }

    public boolean isAuditor() {
        return roles.contains(AUDITOR);
    }

    /**
     * A partner or customer and nobody of the staff ({@link Segments#isExternal}): they may join, and read,
     * only communities opened to partners and customers.
     */
    public boolean isExternal() {
        return Segments.isExternal(segments);
    }
}
