package com.productivecommunity.support.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every service's access matrix, generated from the code: {@link #mappings} lists every HTTP mapping the
 * running service has (controllers, actuator and springdoc endpoints, resource handlers), the service's
 * test declares one or more rows per mapping with the status each caller must get, and {@link #verify}
 * calls every cell over HTTP against real data, fails on a mapping without a row (a new endpoint needs a
 * rule before it builds), on a row without a mapping, and on every cell whose status differs, and checks
 * the published table in {@code docs/security.md} (rewritten with {@code -Daccess-matrix.write=true}).
 */
public final class AccessMatrix {

    /** Who calls: the columns of the table. */
    public enum Caller {
        ANONYMOUS("anonymous"), NON_MEMBER("employee, not a member"), MEMBER("member"), AUTHOR("author"),
        LEADER("leader"), ANALYST("ANALYST"), AUDITOR("AUDITOR"), OPERATOR("OPERATOR (scraper)");

        final String title;

        Caller(String title) {
            this.title = title;
        }
    }

    /** The demo directory's people in each column's part, for the fixture every service builds the same way. */
    public static final Map<Caller, String> DEMO_PEOPLE = demoPeople();

    /** A request to send: method, path (with the fixture's ids), optional JSON body and headers. */
    public record Call(String method, String path, String json, boolean stream, Map<String, String> headers) {
        public static Call get(String path) {
            return new Call("GET", path, null, false, Map.of());
        }

        public static Call stream(String path) {
            return new Call("GET", path, null, true, Map.of());
        }

        public static Call post(String path, String json) {
            return new Call("POST", path, json, false, Map.of());
        }

        public static Call put(String path, String json) {
            return new Call("PUT", path, json, false, Map.of());
        }

        public static Call delete(String path) {
            return new Call("DELETE", path, null, false, Map.of());
        }
    }

    /**
     * One rule: the mapping it covers ({@code "GET /api/feed"} as {@link #mappings} names it), what the call
     * is for the docs, the statuses in {@link Caller} order, and how to make the call on a fixture.
     */
    public record Row<F>(String mapping, String what, Map<Caller, Integer> expected, Function<F, Call> call) {
    }

    /** The swagger-ui webjar springdoc brings (its version appears in one of springdoc's resource mappings). */
    static final String SWAGGER_UI = "5.32.2";

    private final String service;
    private final int port;
    private final Function<Caller, String> authorization;
    private final List<Row<Object>> rows = new ArrayList<>();
    private final Map<Row<Object>, Supplier<Object>> fixtures = new LinkedHashMap<>();

    private AccessMatrix(String service, int port, Function<Caller, String> authorization) {
        this.service = service;
        this.port = port;
        this.authorization = authorization;
    }

    /** A matrix for the demo profile: HTTP Basic as {@link #DEMO_PEOPLE}, the scraper as OPERATOR. */
    public static AccessMatrix demo(String service, int port) {
        return new AccessMatrix(service, port, caller -> switch (caller) {
            case ANONYMOUS -> null;
            case OPERATOR -> basic("prometheus", "prometheus");
            default -> basic(DEMO_PEOPLE.get(caller), DEMO_PEOPLE.get(caller));
        });
    }

    /**
     * Adds a row. {@code fixture} is asked for the data before each cell: a service whose calls change
     * state gives a fresh fixture per cell, a read-only one the same. Statuses in {@link Caller} order.
     */
    @SuppressWarnings("unchecked")
    public <F> AccessMatrix row(String mapping, String what, Supplier<F> fixture, Function<F, Call> call, int... statuses) {
        if (statuses.length != Caller.values().length) {
            throw new IllegalArgumentException(mapping + ": one status per caller (" + Caller.values().length + ")");
        }
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        Caller[] columns = Caller.values(); // the matrix's columns, in the order the enum declares them
        for (int column = 0; column < columns.length; column++) {
            expected.put(columns[column], statuses[column]);
        }
        Row<Object> row = new Row<>(mapping, what, expected, (Function<Object, Call>) call);
        rows.add(row);
        fixtures.put(row, (Supplier<Object>) fixture);
        return this;
    }

    /**
     * The rows every service shares: operations endpoints (only health's status and the probes open; the rest
     * for OPERATOR), the OpenAPI description and its UI (open), the error page and resource handlers.
     */
    public AccessMatrix operationsAndDocs() {
        Supplier<Object> none = () -> null;
        //                                                                         anon non  mem  auth lead ANA  AUD  OPS
        return row("GET /actuator", "list operations endpoints", none, f -> Call.get("/actuator"),
                        401, 403, 403, 403, 403, 403, 403, 200)
                .row("GET /actuator/health", "health status (UP/DOWN only, details for OPERATOR)", none,
                        f -> Call.get("/actuator/health"), 200, 200, 200, 200, 200, 200, 200, 200)
                .row("GET /actuator/health/**", "liveness probe", none, f -> Call.get("/actuator/health/liveness"),
                        200, 200, 200, 200, 200, 200, 200, 200)
                .row("GET /actuator/health/**", "readiness probe", none, f -> Call.get("/actuator/health/readiness"),
                        200, 200, 200, 200, 200, 200, 200, 200)
                .row("GET /actuator/health/**", "one component's health (details)", none,
                        f -> Call.get("/actuator/health/diskSpace"), 401, 403, 403, 403, 403, 403, 403, 200)
                .row("GET /actuator/info", "build and app info", none, f -> Call.get("/actuator/info"),
                        401, 403, 403, 403, 403, 403, 403, 200)
                .row("GET /actuator/prometheus", "metrics for the scraper", none, f -> Call.get("/actuator/prometheus"),
                        401, 403, 403, 403, 403, 403, 403, 200)
                .row("GET /v3/api-docs", "OpenAPI document", none, f -> Call.get("/v3/api-docs"),
                        200, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /v3/api-docs.yaml", "OpenAPI document (YAML)", none, f -> Call.get("/v3/api-docs.yaml"),
                        200, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /v3/api-docs/swagger-config", "Swagger UI's settings", none,
                        f -> Call.get("/v3/api-docs/swagger-config"), 200, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /swagger-ui.html", "Swagger UI (redirect)", none, f -> Call.get("/swagger-ui.html"),
                        302, 302, 302, 302, 302, 302, 302, 401)
                .row("* /swagger-ui/**", "Swagger UI's files", none, f -> Call.get("/swagger-ui/index.html"),
                        200, 200, 200, 200, 200, 200, 200, 401)
                .row("* /swagger-ui/*swagger-initializer.js", "Swagger UI's start script", none,
                        f -> Call.get("/swagger-ui/swagger-initializer.js"), 200, 200, 200, 200, 200, 200, 200, 401)
                .row("* /webjars/*swagger-ui/**", "Swagger UI's files (webjar path)", none,
                        f -> Call.get("/webjars/swagger-ui/index.html"), 200, 200, 200, 200, 200, 200, 200, 401)
                .row("* /webjars/*swagger-ui/*swagger-initializer.js", "Swagger UI's start script (webjar path)", none,
                        f -> Call.get("/webjars/swagger-ui/swagger-initializer.js"), 200, 200, 200, 200, 200, 200, 200, 401)
                // springdoc names the swagger-ui version in this mapping: a swagger-ui upgrade changes this row.
                .row("* /webjars/*swagger-ui/" + SWAGGER_UI + "/*swagger-initializer.js",
                        "Swagger UI's start script (versioned webjar path)", none,
                        f -> Call.get("/webjars/swagger-ui/" + SWAGGER_UI + "/swagger-initializer.js"),
                        200, 200, 200, 200, 200, 200, 200, 401)
                .row("* /error", "the error page, called directly", none, f -> Call.get("/error"),
                        500, 500, 500, 500, 500, 500, 500, 401)
                .row("* /webjars/**", "webjar files (none served)", none, f -> Call.get("/webjars/none.js"),
                        401, 404, 404, 404, 404, 404, 404, 401)
                .row("* /**", "static files (none served)", none, f -> Call.get("/none.txt"),
                        401, 404, 404, 404, 404, 404, 404, 401);
    }

    /**
     * The analysts' projection endpoints every projection service has (service-support's
     * ProjectionAdminController), for the projection {@code name}: all for ANALYST only. A record id that does not
     * exist answers 404 to an analyst; retrying all with nothing parked is a recorded no-op. The rebuild row is
     * the service's own (what it rebuilds differs).
     */
    public AccessMatrix projectionAdmin(String name) {
        Supplier<Object> none = () -> null;
        String base = "/api/admin/projections";
        String missing = base + "/" + name + "/parked/999999999";
        //                                                                         anon non  mem  auth lead ANA  AUD  OPS
        return row("GET " + base, "every projection's status", none, f -> Call.get(base),
                        401, 403, 403, 403, 403, 200, 403, 401)
                .row("GET " + base + "/{name}", "one projection's status", none, f -> Call.get(base + "/" + name),
                        401, 403, 403, 403, 403, 200, 403, 401)
                .row("GET " + base + "/{name}/parked", "parked records", none,
                        f -> Call.get(base + "/" + name + "/parked"), 401, 403, 403, 403, 403, 200, 403, 401)
                .row("GET " + base + "/{name}/parked/{id}", "one parked record (none with this id)", none,
                        f -> Call.get(missing), 401, 403, 403, 403, 403, 404, 403, 401)
                .row("POST " + base + "/{name}/parked/{id}/retry", "retry one record (none with this id)", none,
                        f -> Call.post(missing + "/retry", null), 401, 403, 403, 403, 403, 404, 403, 401)
                .row("POST " + base + "/{name}/parked/{id}/skip", "skip one record with a reason (none with this id)",
                        none, f -> Call.post(missing + "/skip", "{\"reason\":\"access matrix\"}"),
                        401, 403, 403, 403, 403, 404, 403, 401)
                .row("POST " + base + "/{name}/parked/retry", "retry every parked record (none parked)", none,
                        f -> Call.post(base + "/" + name + "/parked/retry", null), 401, 403, 403, 403, 403, 200, 403, 401)
                .row("GET " + base + "/{name}/actions", "the analysts' recorded actions", none,
                        f -> Call.get(base + "/" + name + "/actions"), 401, 403, 403, 403, 403, 200, 403, 401);
    }

    /** Every mapping of the running application as {@code "METHOD /pattern"} ({@code *} for any method). */
    public static Set<String> mappings(ApplicationContext context) {
        Set<String> mappings = new TreeSet<>();
        for (HandlerMapping mapping : context.getBeansOfType(HandlerMapping.class).values()) {
            if (mapping instanceof RequestMappingInfoHandlerMapping infos) {
                for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : infos.getHandlerMethods().entrySet()) {
                    RequestMappingInfo info = entry.getKey();
                    Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("*")
                            : info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
                    for (String pattern : info.getPatternValues()) {
                        methods.forEach(method -> mappings.add(method + " " + pattern));
                    }
                }
            } else if (mapping instanceof AbstractUrlHandlerMapping urls) {
                urls.getHandlerMap().keySet().forEach(pattern -> mappings.add("* " + pattern));
            } else if (mapping instanceof RouterFunctionMapping functions && functions.getRouterFunction() != null) {
                throw new IllegalStateException("Router functions are not enumerable here: add them to AccessMatrix");
            }
        }
        return mappings;
    }

    /** Calls every cell, then fails with everything that is wrong at once. */
    public void verify(ApplicationContext context) {
        List<String> problems = new ArrayList<>();
        Set<String> mappings = mappings(context);
        Set<String> covered = rows.stream().map(Row::mapping).collect(Collectors.toSet());
        for (String mapping : mappings) {
            if (!covered.contains(mapping)) {
                problems.add("mapping without a row in the access matrix: " + mapping);
            }
        }
        for (String mapping : covered) {
            if (!mappings.contains(mapping)) {
                problems.add("row for a mapping the service does not have: " + mapping);
            }
        }
        Map<Row<Object>, Map<Caller, Integer>> actual = new LinkedHashMap<>();
        for (Row<Object> row : rows) {
            Map<Caller, Integer> statuses = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                Call call = row.call().apply(fixtures.get(row).get());
                int status = send(call, authorization.apply(caller));
                statuses.put(caller, status);
                if (status != row.expected().get(caller)) {
                    problems.add(row.mapping() + " (" + call.method() + " " + call.path() + ") as " + caller.title
                            + ": expected " + row.expected().get(caller) + ", got " + status);
                }
            }
            actual.put(row, statuses);
        }
        problems.addAll(checkDocs());
        if (!problems.isEmpty()) {
            throw new AssertionError(service + " access matrix:\n  " + String.join("\n  ", problems)
                    + "\nactual:\n" + table(actual));
        }
    }

    /** The table as docs/security.md shows it. */
    public String markdown() {
        Map<Row<Object>, Map<Caller, Integer>> expected = new LinkedHashMap<>();
        rows.forEach(row -> expected.put(row, row.expected()));
        return table(expected);
    }

    private static String table(Map<Row<Object>, Map<Caller, Integer>> cells) {
        StringBuilder table = new StringBuilder("| Mapping | Call |");
        for (Caller caller : Caller.values()) {
            table.append(' ').append(caller.title).append(" |");
        }
        table.append("\n|---|---|").append("---|".repeat(Caller.values().length)).append('\n');
        cells.forEach((row, statuses) -> {
            table.append("| `").append(row.mapping()).append("` | ").append(row.what()).append(" |");
            for (Caller caller : Caller.values()) {
                table.append(' ').append(statuses.get(caller)).append(" |");
            }
            table.append('\n');
        });
        return table.toString();
    }

    private static final Pattern SECTION = Pattern.compile(
            "(<!-- access-matrix:([a-z-]+) -->\\n)(.*?)(<!-- /access-matrix:\\2 -->)", Pattern.DOTALL);

    private List<String> checkDocs() {
        Path docs = Path.of(System.getProperty("platform.root", "..")).resolve("docs/security.md").toAbsolutePath().normalize();
        String table = markdown();
        try {
            String text = Files.exists(docs) ? Files.readString(docs) : "";
            Matcher section = SECTION.matcher(text);
            while (section.find()) {
                if (section.group(2).equals(service)) {
                    if (section.group(3).equals(table)) {
                        return List.of();
                    }
                    if (Boolean.getBoolean("access-matrix.write")) {
                        Files.writeString(docs, text.substring(0, section.start(3)) + table + text.substring(section.end(3)));
                        return List.of();
                    }
                    return List.of(docs + " shows another table for " + service
                            + " than this test checks: run the test with -Daccess-matrix.write=true and commit the file");
                }
            }
            return List.of(docs + " has no section <!-- access-matrix:" + service + " --> ... <!-- /access-matrix:"
                    + service + " --> for the table");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private int send(Call call, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                .timeout(Duration.ofSeconds(30))
                .method(call.method(), call.json() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.json()));
        if (call.json() != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        call.headers().forEach(request::header);
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (!call.stream()) {
                    body.readAllBytes();
                }
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<Caller, String> demoPeople() {
        Map<Caller, String> people = new EnumMap<>(Caller.class);
        people.put(Caller.NON_MEMBER, "frank");
        people.put(Caller.MEMBER, "bob");
        people.put(Caller.AUTHOR, "alice");
        people.put(Caller.LEADER, "carol");
        people.put(Caller.ANALYST, "dana");
        people.put(Caller.AUDITOR, "erin");
        return Map.copyOf(people);
    }
}
