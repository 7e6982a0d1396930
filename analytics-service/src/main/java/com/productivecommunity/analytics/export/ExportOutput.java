package com.productivecommunity.analytics.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where an export's rows go, one at a time. CSV: {@code # key: value} metadata lines (nested keys dotted, lists as
 * JSON), the header row, one record per row (list or object values as JSON text), then {@code # end: N rows}. JSON:
 * one object {@code {"meta":{...},"rows":[...],"rowCount":N}} written as a stream.
 */
abstract class ExportOutput implements AutoCloseable {

    private long rows;

    /** Starts the export with its metadata and the columns of every row. */
    abstract void begin(Map<String, Object> meta, List<String> columns);

    /** One row: {@code csv} the values in column order, {@code json} the object written in JSON. */
    final void row(List<Object> csv, Object json) {
        rows++;
        write(csv, json);
    }

    abstract void write(List<Object> csv, Object json);

    /** Ends the export (the row count) and flushes. */
    abstract void end();

    long rows() {
        return rows;
    }

    static ExportOutput csv(OutputStream out, ObjectMapper mapper) {
        return new CsvOutput(out, mapper);
    }

    static ExportOutput json(OutputStream out, ObjectMapper mapper) {
        return new JsonOutput(out, mapper);
    }

    private static final class CsvOutput extends ExportOutput {
        private final Writer out;
        private final ObjectMapper mapper;

        CsvOutput(OutputStream out, ObjectMapper mapper) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            this.mapper = mapper;
        }

        @Override
        void begin(Map<String, Object> meta, List<String> columns) {
            try {
                comments("", meta);
                Csv.record(out, columns);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void comments(String prefix, Map<String, Object> meta) throws IOException {
            for (Map.Entry<String, Object> entry : meta.entrySet()) {
                if (entry.getValue() instanceof Map<?, ?> nested) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> block = (Map<String, Object>) nested;
                    comments(prefix + entry.getKey() + ".", block);
                } else {
                    Csv.comment(out, prefix + entry.getKey(), text(entry.getValue()));
                }
            }
        }

        @Override
        void write(List<Object> csv, Object json) {
            try {
                List<Object> fields = new ArrayList<>(csv.size());
                for (Object value : csv) {
                    fields.add(text(value));
                }
                Csv.record(out, fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Object text(Object value) throws IOException {
            return value instanceof List<?> || value instanceof Map<?, ?> ? mapper.writeValueAsString(value) : value;
        }

        @Override
        void end() {
            try {
                Csv.comment(out, "end", rows() + " rows");
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    private static final class JsonOutput extends ExportOutput {
        private final JsonGenerator out;

        JsonOutput(OutputStream out, ObjectMapper mapper) {
            try {
                this.out = mapper.createGenerator(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void begin(Map<String, Object> meta, List<String> columns) {
            try {
                out.writeStartObject();
                out.writeFieldName("meta");
                out.writeObject(meta);
                out.writeArrayFieldStart("rows");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void write(List<Object> csv, Object json) {
            try {
                out.writeObject(json);
                if (rows() % 1_000 == 0) {
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void end() {
            try {
                out.writeEndArray();
                out.writeNumberField("rowCount", rows());
                out.writeEndObject();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
