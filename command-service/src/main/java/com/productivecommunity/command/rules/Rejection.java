package com.productivecommunity.command.rules;

/**
 * Why an aggregate refuses a command: a domain answer, free of HTTP. Every rejection is one of four kinds —
 * the command's own content is invalid, it names something that does not exist, the member may not do it, or
 * it conflicts with the current state — and each feature names its reasons as subclasses of these
 * ({@code CommunityRejections}, {@code ContributionRejections}). A refused command stores no event. The HTTP
 * API answers each kind with its status in one place ({@code command.api.RejectionAdvice}).
 */
public abstract sealed class Rejection extends RuntimeException
        permits InvalidInput, Rejection.NotFound, Rejection.Forbidden, Rejection.Conflict {

    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT }

    private final Kind kind;

    Rejection(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The field of the command at fault, or null when the command as a whole is refused. */
    public String field() {
        return null;
    }

    /** An id in the command names nothing that exists. */
    public abstract static non-sealed class NotFound extends Rejection {
        protected NotFound(String detail) {
            super(Kind.NOT_FOUND, detail);
        }
    }

    /** The acting member may not do this. */
    public abstract static non-sealed class Forbidden extends Rejection {
        protected Forbidden(String detail) {
            super(Kind.FORBIDDEN, detail);
        }
    }

    /** The command conflicts with the aggregate's current state. */
    public abstract static non-sealed class Conflict extends Rejection {
        protected Conflict(String detail) {
            super(Kind.CONFLICT, detail);
        }
    }
}
