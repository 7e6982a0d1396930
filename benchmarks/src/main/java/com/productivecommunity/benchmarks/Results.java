package com.productivecommunity.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every figure of a run, one value per round; printed as a table (median, min–max) and written as JSON. */
final class Results {

    record Key(String workload, String subject, String metric, String unit) {
    }

    private final Map<Key, List<Double>> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void add(String workload, String subject, String metric, String unit, double value) {
        figures.computeIfAbsent(new Key(workload, subject, metric, unit), k -> new ArrayList<>()).add(value);
        System.out.printf(Locale.ROOT, "  %-34s %-44s %-16s %12s %s%n", workload, subject, metric, format(value), unit);
    }

    synchronized void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    synchronized String table() {
        StringBuilder out = new StringBuilder();
        out.append("| Workload | Subject | Figure | Median | Spread (min – max) | Rounds |\n");
        out.append("|---|---|---|---:|---:|---:|\n");
        figures.forEach((key, values) -> {
            double min = measured(values).min().orElse(Double.NaN);
            double max = measured(values).max().orElse(Double.NaN);
            String unit = key.unit().isEmpty() ? "" : " " + key.unit();
            out.append("| ").append(key.workload()).append(" | ").append(key.subject()).append(" | ")
                    .append(key.metric()).append(" | ").append(format(median(values))).append(unit).append(" | ")
                    .append(format(min)).append(" – ").append(format(max)).append(" | ").append(values.size()).append(" |\n");
        });
        notes.forEach(note -> out.append("\n- ").append(note));
        return out.toString();
    }

    /** The median of a figure over the rounds, NaN when it was not measured. */
    synchronized double median(String workload, String subject, String metric) {
        return figures.entrySet().stream()
                .filter(e -> e.getKey().workload().equals(workload) && e.getKey().subject().equals(subject)
                        && e.getKey().metric().equals(metric))
                .map(e -> median(e.getValue())).findFirst().orElse(Double.NaN);
    }

    synchronized double medianOfWorkloadStartingWith(String workloadPrefix, String subject, String metric) {
        return figures.entrySet().stream()
                .filter(e -> e.getKey().workload().startsWith(workloadPrefix) && e.getKey().subject().equals(subject)
                        && e.getKey().metric().equals(metric))
                .map(e -> median(e.getValue())).findFirst().orElse(Double.NaN);
    }

    /**
     * {@code benchmarks/results.json}: the keys, the medians of this run (numbers only; a figure this run did
     * not measure is left out), and the machine.
     */
    synchronized void writeSummary(Path file, Map<String, Double> medians, int cores, double loadAtStart) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        medians.forEach((key, value) -> {
            if (value != null && !value.isNaN()) {
                root.put(key, Math.round(value * 1000) / 1000.0);
            }
        });
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", cores);
        machine.put("load_at_start", loadAtStart);
        try {
            mapper.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void writeJson(Path file, Map<String, Object> run) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.set("run", mapper.valueToTree(run));
        ArrayNode list = root.putArray("figures");
        figures.forEach((key, values) -> {
            ObjectNode figure = list.addObject();
            figure.put("workload", key.workload());
            figure.put("subject", key.subject());
            figure.put("metric", key.metric());
            figure.put("unit", key.unit());
            figure.put("median", median(values));
            figure.put("min", measured(values).min().orElse(Double.NaN));
            figure.put("max", measured(values).max().orElse(Double.NaN));
            ArrayNode rounds = figure.putArray("rounds");
            values.forEach(rounds::add);
        });
        ArrayNode noteList = root.putArray("notes");
        notes.forEach(noteList::add);
        try {
            Files.createDirectories(file.getParent());
            mapper.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rounds that measured something: a round without samples is NaN and is left out, as in the median. */
    private static java.util.stream.DoubleStream measured(List<Double> values) {
        return values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue);
    }
}
