package com.productivecommunity.events;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A person's segments in the organization, as the directory (the demo directory, or the identity provider's
 * claims) states them. Events carry them normalised: known names only, lower case, each once, in the order of
 * {@link #KNOWN}; an empty list means the directory said nothing.
 */
public final class Segments {

    /** Every segment the platform knows, in the order events and reads list them. */
    public static final List<String> KNOWN =
            List.of("leader", "manager", "employee", "remote", "production", "partner", "customer");

    /** People from outside the organization: they may join only communities opened to them. */
    public static final Set<String> EXTERNAL = Set.of("partner", "customer");

    private Segments() {
    }

    /** The known segments among {@code names} (case-insensitive), each once, in {@link #KNOWN}'s order. */
    public static List<String> normalise(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of();
        }
        Set<String> lower = new java.util.HashSet<>();
        for (String name : names) {
            if (name != null) {
                lower.add(name.strip().toLowerCase(Locale.ROOT));
            }
        }
        return KNOWN.stream().filter(lower::contains).toList();
    }

    /**
     * Whether a person with these segments is external: a partner or a customer and nothing of the staff
     * (a partner who is also an employee is staff).
     */
    public static boolean isExternal(Collection<String> segments) {
        List<String> known = normalise(segments);
        return !known.isEmpty() && EXTERNAL.containsAll(known);
    }
}
