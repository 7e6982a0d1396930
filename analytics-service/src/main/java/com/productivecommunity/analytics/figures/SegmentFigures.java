package com.productivecommunity.analytics.figures;

import com.productivecommunity.analytics.engine.Decimals;
import com.productivecommunity.analytics.engine.MemberFigures;
import com.productivecommunity.events.Segments;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures per people segment: the members of each segment (a person with several segments counts in each of
 * them; one with none known counts in {@link #UNKNOWN}) and their sums. A segment benefits more than it brings
 * when its members' benefit together exceeds their contribution together. Pure: the same people and figures
 * give the same rows, in {@link Segments#KNOWN}'s order with {@link #UNKNOWN} last; segments with no member are
 * left out.
 */
final class SegmentFigures {

    /** The segment of people the directory said nothing about. */
    static final String UNKNOWN = "unknown";

    /** One person (in a community, or across the organization): their segments and their figures. */
    record Person(List<String> segments, MemberFigures figures) {
    }

    record Row(String segment, int members, int activeMembers, BigDecimal contribution, BigDecimal benefit,
               BigDecimal balance, int membersBenefitingMore, BigDecimal shareBenefitingMore,
               boolean benefitsMoreThanItBrings) {
    }

    private SegmentFigures() {
    }

    static List<Row> of(Collection<Person> people) {
        Map<String, Sum> sums = new LinkedHashMap<>();
        Segments.KNOWN.forEach(segment -> sums.put(segment, new Sum()));
        sums.put(UNKNOWN, new Sum());
        for (Person person : people) {
            List<String> segments = person.segments().isEmpty() ? List.of(UNKNOWN) : person.segments();
            for (String segment : segments) {
                Sum sum = sums.get(segment);
                if (sum != null) {
                    sum.add(person.figures());
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        sums.forEach((segment, sum) -> {
            if (sum.members > 0) {
                rows.add(sum.row(segment));
            }
        });
        return rows;
    }

    private static final class Sum {
        int members;
        int active;
        int benefitingMore;
        BigDecimal contribution = BigDecimal.ZERO;
        BigDecimal benefit = BigDecimal.ZERO;

        void add(MemberFigures figures) {
            members++;
            if (figures.active()) {
                active++;
            }
            if (figures.benefitingMore()) {
                benefitingMore++;
            }
            contribution = contribution.add(figures.contribution());
            benefit = benefit.add(figures.benefit());
        }

        Row row(String segment) {
            BigDecimal share = active == 0 ? BigDecimal.ZERO : Decimals.exact(BigDecimal.valueOf(benefitingMore)
                    .divide(BigDecimal.valueOf(active), MathContext.DECIMAL64));
            return new Row(segment, members, active, Decimals.exact(contribution), Decimals.exact(benefit),
                    Decimals.exact(benefit.subtract(contribution)), benefitingMore, share,
                    benefit.compareTo(contribution) > 0);
        }
    }
}
