package com.productivecommunity.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options: {@code --name=value} or {@code --name value}; {@code --quick} for a smoke run. */
record Options(long events, long feedContributions, long searchContributions, int searchRequests, int rounds, int warmupSeconds, int ingestSeconds, int e2eSeconds, int e2eRate,
               int e2eSample, int feedRequests, List<Integer> clients, Set<String> workloads, String jfr,
               List<String> jvmOptions, Map<String, String> before, boolean quick) {

    static final Set<String> ALL = Set.of("ingest", "e2e", "replay", "feed", "search");
    /** Not in the default run: the audit log's cost ({@code --only audit}). */
    static final String AUDIT = "audit";

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unknown argument " + arg);
            }
            String name = arg.substring(2);
            if (name.contains("=")) {
                values.put(name.substring(0, name.indexOf('=')), name.substring(name.indexOf('=') + 1));
            } else if (name.equals("quick") || name.equals("help")) {
                values.put(name, "true");
            } else {
                values.put(name, args[++i]);
            }
        }
        if (values.containsKey("help")) {
            System.out.println("""
                    ./benchmarks/run [--quick] [--events N] [--feed-contributions M] [--search-contributions S] [--search-requests K]
                                     [--rounds R] [--only ingest,e2e,replay,feed,search,audit,raw]
                                     [--warmup-seconds S] [--ingest-seconds S] [--clients 1,4,16] [--e2e-seconds S] [--e2e-rate R] [--e2e-sample K]
                                     [--feed-requests K] [--jfr service-module] [--jvm-opts "-Xmx512m ..."]
                                     [--before analytics-service=old.jar] (replay also with an earlier jar, same run)""");
            System.exit(0);
        }
        boolean quick = values.containsKey("quick");
        return new Options(
                Long.parseLong(values.getOrDefault("events", quick ? "20000" : "1000000").replace("_", "")),
                Long.parseLong(values.getOrDefault("feed-contributions", quick ? "20000" : "1000000").replace("_", "")),
                Long.parseLong(values.getOrDefault("search-contributions", quick ? "20000" : "1000000").replace("_", "")),
                Integer.parseInt(values.getOrDefault("search-requests", quick ? "50" : "200")),
                Integer.parseInt(values.getOrDefault("rounds", quick ? "1" : "3")),
                Integer.parseInt(values.getOrDefault("warmup-seconds", quick ? "5" : "60")),
                Integer.parseInt(values.getOrDefault("ingest-seconds", quick ? "5" : "20")),
                Integer.parseInt(values.getOrDefault("e2e-seconds", quick ? "10" : "30")),
                Integer.parseInt(values.getOrDefault("e2e-rate", "200")),
                Integer.parseInt(values.getOrDefault("e2e-sample", "2")),
                Integer.parseInt(values.getOrDefault("feed-requests", quick ? "100" : "400")),
                List.of(values.getOrDefault("clients", "1,4,16").split(",")).stream().map(Integer::parseInt).toList(),
                Set.of(values.getOrDefault("only", String.join(",", ALL)).split(",")),
                values.get("jfr"),
                List.of(values.getOrDefault("jvm-opts", "-Xms64m -Xmx512m -XX:+UseSerialGC").trim().split("\\s+")),
                before(values.get("before")),
                quick);
    }

    /** {@code --before module=path.jar[,module=path.jar]}: replay also with that earlier jar, in the same run. */
    private static Map<String, String> before(String value) {
        Map<String, String> before = new LinkedHashMap<>();
        if (value != null && !value.isBlank()) {
            for (String pair : value.split(",")) {
                before.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return before;
    }
}
