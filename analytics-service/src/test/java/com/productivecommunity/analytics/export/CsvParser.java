package com.productivecommunity.analytics.export;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests (records end with CRLF; {@code #} lines outside quotes are skipped). */
final class CsvParser {

    private CsvParser() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '#') {
                int end = text.indexOf("\r\n", i);
                i = end + 2;
                continue;
            }
            List<String> record = new ArrayList<>();
            while (true) {
                StringBuilder field = new StringBuilder();
                if (text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < text.length() && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            field.append(c);
                        }
                    }
                } else {
                    while (text.charAt(i) != ',' && text.charAt(i) != '\r') {
                        char c = text.charAt(i++);
                        if (c == '"' || c == '\n') {
                            throw new IllegalArgumentException("bare " + (int) c + " in an unquoted field at " + i);
                        }
                        field.append(c);
                    }
                }
                record.add(field.toString());
                if (text.charAt(i) == ',') {
                    i++;
                } else if (text.startsWith("\r\n", i)) {
                    i += 2;
                    break;
                } else {
                    throw new IllegalArgumentException("expected , or CRLF at " + i);
                }
            }
            records.add(record);
        }
        return records;
    }

    /** The {@code # key: value} lines before the header. */
    static java.util.Map<String, String> comments(String text) {
        java.util.Map<String, String> meta = new java.util.LinkedHashMap<>();
        for (String line : text.split("\r\n")) {
            if (line.startsWith("# ")) {
                int colon = line.indexOf(": ");
                meta.put(line.substring(2, colon), line.substring(colon + 2));
            }
        }
        return meta;
    }
}
