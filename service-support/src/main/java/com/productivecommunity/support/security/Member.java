package com.productivecommunity.support.security;

import java.util.Objects;
import java.util.Set;

/** The authenticated member a request acts for; declare it as a controller method parameter. */
public record Member(String id, Set<String> roles) {

    public static final String ANALYST = "ANALYST";
    public static final String AUDITOR = "AUDITOR";
    public static final String EMPLOYEE = "EMPLOYEE";

    public Member {
        Objects.requireNonNull(id, "id");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean isAnalyst() {
        return roles.contains(ANALYST);
    }

    public boolean isAuditor() {
        return roles.contains(AUDITOR);
    }
}
