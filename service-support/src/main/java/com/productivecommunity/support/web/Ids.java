package com.productivecommunity.support.web;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids as clients write them: a UUID is exactly 8-4-4-4-12 hexadecimal digits (either case). Java's
 * {@link UUID#fromString} also takes {@code 1-1-1-1-1}, and Jackson a 24-character base64 form; both
 * would make a malformed id look like a well-formed unknown one (404 instead of 400).
 */
public final class Ids {

    private Ids() {
    }

    /** The UUID, or {@link IllegalArgumentException} when {@code text} is not in the canonical form. */
    public static UUID uuid(String text) {
        if (!isCanonicalUuid(text)) {
            throw new IllegalArgumentException("must be a UUID (8-4-4-4-12 hexadecimal digits)");
        }
        return UUID.fromString(text);
    }

    public static boolean isCanonicalUuid(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (dash ? c != '-' : !hex) {
                return false;
            }
        }
        return true;
    }

    /**
     * Path variables and query parameters of type UUID. A property editor, not a converter: when a
     * conversion service's converter fails, Spring falls back to the default (lenient) {@code UUIDEditor}.
     * An empty query parameter stays "not given", as before.
     */
    @ControllerAdvice
    static class Binding {
        @InitBinder
        void canonicalUuids(WebDataBinder binder) {
            binder.registerCustomEditor(UUID.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    setValue(text == null || text.isEmpty() ? null : uuid(text));
                }
            });
        }
    }
}
