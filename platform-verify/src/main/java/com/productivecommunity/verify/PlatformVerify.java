package com.productivecommunity.verify;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./platform verify}: reconciles a running (or stopped) platform and prints the table; exits 0 when every
 * check holds, 1 when one differs, 2 when it cannot run (a bad argument, a database or broker out of reach).
 *
 * <pre>
 * java -jar platform-verify-exec.jar --command-db=jdbc:postgresql://127.0.0.1:5432/pc_command
 *     --query-db=... --analytics-db=... --bootstrap-servers=127.0.0.1:9092 [--topic=community-events]
 *     [--user=postgres] [--password=...]
 * </pre>
 */
public final class PlatformVerify {

    private static final Set<String> OPTIONS = Set.of("command-db", "query-db", "analytics-db", "bootstrap-servers",
            "topic", "user", "password");

    private PlatformVerify() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !OPTIONS.contains(name)) {
                err.println("platform-verify: unknown argument " + arg + " (options: --" + String.join("=, --", OPTIONS) + "=)");
                return 2;
            }
            options.put(name, arg.substring(equals + 1));
        }
        for (String required : new String[] {"command-db", "query-db", "analytics-db", "bootstrap-servers"}) {
            if (!options.containsKey(required)) {
                err.println("platform-verify: --" + required + "= is required");
                return 2;
            }
        }
        Reconciliation.Settings settings = new Reconciliation.Settings(options.get("command-db"),
                options.get("query-db"), options.get("analytics-db"), options.getOrDefault("user", "postgres"),
                options.get("password"), options.get("bootstrap-servers"),
                options.getOrDefault("topic", "community-events"));
        Reconciliation.Report report;
        try {
            report = new Reconciliation(settings).run();
        } catch (RuntimeException e) {
            err.println("platform-verify: " + e.getMessage());
            return 2;
        }
        out.print(report.table());
        return report.clean() ? 0 : 1;
    }
}
