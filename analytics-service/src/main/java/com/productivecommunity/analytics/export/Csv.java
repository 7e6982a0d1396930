package com.productivecommunity.analytics.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * RFC 4180 records: fields separated by commas, records ended by CRLF; a field holding a comma, a double quote,
 * CR or LF (or starting with {@code #}, so no data line reads as a comment line) is enclosed in double quotes,
 * a double quote inside doubled. Decimals are written plain ({@code 8.7}, never {@code 8.7E0}); null is empty.
 */
final class Csv {

    private Csv() {
    }

    static void record(Writer out, List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        boolean quote = text.startsWith("#");
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** A metadata line {@code # key: value}; CR and LF in the value are written as {@code \r} and {@code \n}. */
    static void comment(Writer out, String key, Object value) throws IOException {
        String text = value == null ? "" : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        out.write("# " + key + ": " + text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n") + "\r\n");
    }
}
