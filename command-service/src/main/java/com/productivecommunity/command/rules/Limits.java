package com.productivecommunity.command.rules;

import com.productivecommunity.events.OutcomeValue;
import com.productivecommunity.events.Text;
import java.math.BigDecimal;

/**
 * The input rules of docs/api.md, applied to every field of every command: texts follow {@link Text} (the
 * rule every service shares, so every event's texts are ones every projection can store) and the outcome
 * value {@link OutcomeValue}. Each returns the value as it is to be stored; a value that breaks its rule is
 * an {@link InvalidInput} naming the field.
 */
public final class Limits {

    private Limits() {
    }

    public static String communityName(String name) {
        return text("name", name, Text.COMMUNITY_NAME);
    }

    public static String purpose(String purpose) {
        return text("purpose", purpose, Text.PURPOSE);
    }

    /** A purpose that may be left out: null, empty or blank means none. */
    public static String optionalPurpose(String purpose) {
        return optionalText("purpose", purpose, Text.PURPOSE);
    }

    public static String title(String title) {
        return text("title", title, Text.CONTRIBUTION_TITLE);
    }

    /** An answer's title may be left out: null, empty or blank means none. */
    public static String optionalTitle(String title) {
        return optionalText("title", title, Text.CONTRIBUTION_TITLE);
    }

    public static String body(String body) {
        return text("body", body, Text.CONTRIBUTION_BODY);
    }

    public static String outcomeDescription(String description) {
        return text("description", description, Text.OUTCOME_DESCRIPTION);
    }

    /** Why a leader hid a contribution or removed a member: required, 1–500 characters, multi-line. */
    public static String reason(String reason) {
        return text("reason", reason, Text.MODERATION_REASON);
    }

    /** A member id named in a command (not the actor's own): taken exactly as sent, 1–255 characters. */
    public static String memberId(String memberId) {
        return text("memberId", memberId, Text.MEMBER_ID);
    }

    public static BigDecimal outcomeValue(BigDecimal value) {
        try {
            return OutcomeValue.normalize(value);
        } catch (OutcomeValue.InvalidValueException e) {
            throw new InvalidInput("value", "value " + e.getMessage());
        }
    }

    private static String text(String field, String value, Text.Rule rule) {
        try {
            return Text.normalize(value, rule);
        } catch (Text.InvalidTextException e) {
            throw new InvalidInput(field, field + " " + e.getMessage());
        }
    }

    private static String optionalText(String field, String value, Text.Rule rule) {
        try {
            return Text.normalizeOptional(value, rule).orElse(null);
        } catch (Text.InvalidTextException e) {
            throw new InvalidInput(field, field + " " + e.getMessage());
        }
    }
}
