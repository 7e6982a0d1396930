package com.productivecommunity.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.productivecommunity.support.web.InvalidInputException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

    private final Search search = new Search("bearing failure", null, null);

    @Test
    void aCursorKeepsTheRankBitForBitAndItsSearch() {
        UUID id = UUID.randomUUID();
        for (float rank : new float[] {0.6079271f, 0.24317084f, Float.MIN_VALUE, 0f, 1e-30f, 0.99999994f}) {
            SearchCursor cursor = new SearchCursor(rank, 1, id, search.fingerprint());
            SearchCursor read = SearchCursor.decode(cursor.encode(), search);
            assertThat(Float.floatToIntBits(read.rank())).isEqualTo(Float.floatToIntBits(rank));
            assertThat(read.kind()).isEqualTo(1);
            assertThat(read.id()).isEqualTo(id);
        }
    }

    @Test
    void aCursorOfAnotherSearchIsRefused() {
        String cursor = new SearchCursor(0.5f, 0, UUID.randomUUID(), search.fingerprint()).encode();
        for (Search other : new Search[] {new Search("bearing", null, null), new Search("bearing failure", null, "bob"),
                new Search("bearing failure", UUID.randomUUID(), null)}) {
            assertThatThrownBy(() -> SearchCursor.decode(cursor, other)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("another search")
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("before"));
        }
    }
}
