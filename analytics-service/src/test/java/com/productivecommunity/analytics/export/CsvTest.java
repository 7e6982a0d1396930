package com.productivecommunity.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 quoting, checked against the text itself and by parsing it back. */
class CsvTest {

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAndNothingElse() throws Exception {
        StringWriter out = new StringWriter();
        Csv.record(out, Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rlf", "#not a comment", null,
                new BigDecimal("8.70").stripTrailingZeros(), new BigDecimal("1E+1"), true));
        assertThat(out.toString()).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rlf\","
                + "\"#not a comment\",,8.7,10,true\r\n");
        assertThat(CsvParser.parse(out.toString())).containsExactly(List.of("plain", "a,b", "say \"hi\"", "two\nlines",
                "cr\rlf", "#not a comment", "", "8.7", "10", "true"));
    }

    @Test
    void metadataLinesKeepOneLineWhateverTheValue() throws Exception {
        StringWriter out = new StringWriter();
        Csv.comment(out, "community", "Line 3, \"north\"\nand a back\\slash");
        assertThat(out.toString()).isEqualTo("# community: Line 3, \"north\"\\nand a back\\\\slash\r\n");
    }
}
