package com.productivecommunity.analytics.figures;

import com.productivecommunity.support.web.ForbiddenException;
import com.productivecommunity.support.web.InvalidInputException;
import com.productivecommunity.support.web.Problems;

/** The named failures of the analytics reads, answered as problem details by service-support. */
final class AnalyticsReadExceptions {

    private AnalyticsReadExceptions() {
    }

    static class NotAllowedToReadException extends ForbiddenException {
        NotAllowedToReadException(String detail) {
            super(detail);
        }
    }

    static class InvalidMemberIdException extends InvalidInputException {
        InvalidMemberIdException(String memberId) {
            super("memberId", "'memberId' is not a member id: " + Problems.quote(memberId));
        }
    }

    static class UnsupportedBucketException extends InvalidInputException {
        UnsupportedBucketException(String bucket) {
            super("bucket", "Unsupported bucket " + Problems.quote(bucket) + ": 'day', 'week' or 'month'");
        }
    }
}
