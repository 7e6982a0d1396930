package com.productivecommunity.support.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventPositionTest {

    @Test
    void parsesOneOrSeveralPositionsAsCommandServiceWritesThem() {
        assertThat(EventPosition.parseList("5c1e7a52-7a55-4c1b-bb3e-2a0e7f6f0e11:3"))
                .containsExactly(new EventPosition("5c1e7a52-7a55-4c1b-bb3e-2a0e7f6f0e11", 3));
        assertThat(EventPosition.parseList("a:0, b:12"))
                .containsExactly(new EventPosition("a", 0), new EventPosition("b", 12));
        assertThat(new EventPosition("a", 7)).hasToString("a:7");
    }

    @Test
    void rejectsAnythingElse() {
        for (String header : List.of("a", "a:", ":1", "a:x", "a:-1", "a:1,")) {
            assertThatThrownBy(() -> EventPosition.parseList(header)).as(header)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
