package com.productivecommunity.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.support.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml must be valid for Debian's docker-compose (1.29: profiles are supported; CI installs it;
 * no Docker engine needed), with and without the {@code oidc} profile, and the Keycloak realm it imports must
 * agree with it: the demo people, roles and segments, the web client's redirect URI, the services' audience.
 */
class DockerComposeConfigTest {

    private static final List<String> DEFAULT_SERVICES = List.of("postgres", "kafka", "command-service", "query-service",
            "analytics-service", "web-client");
    private static final List<String> OIDC_SERVICES = List.of("keycloak", "kafka-oidc", "command-service-oidc",
            "query-service-oidc", "analytics-service-oidc", "web-client-oidc");

    private final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();

    @Test
    void composeFileIsValidAndDefinesTheWholePlatform() throws IOException, InterruptedException {
        String output = config();
        assertThat(output).contains("postgres:", "kafka:", "command-service:", "query-service:", "analytics-service:",
                "apache/kafka:3.9.1", "jdbc:postgresql://postgres:5432/pc_query", "SPRING_KAFKA_BOOTSTRAP_SERVERS: kafka:9092",
                "/actuator/health");
        Map<String, Map<String, Object>> services = services(output);
        for (String name : DEFAULT_SERVICES) {
            assertThat(services.get(name)).as(name).doesNotContainKey("profiles");
            assertThat(environment(services.get(name))).as(name + " stays in the demo profile")
                    .doesNotContainKey("SPRING_PROFILES_ACTIVE");
        }
    }

    @Test
    void theOidcProfileAddsKeycloakAndAStackThatTrustsOnlyItsTokens() throws IOException, InterruptedException {
        Map<String, Map<String, Object>> services = services(config("--profile", "oidc"));
        for (String name : OIDC_SERVICES) {
            assertThat(services.get(name)).as(name).containsEntry("profiles", List.of("oidc"));
        }
        assertThat(services.get("keycloak").get("image").toString()).startsWith("quay.io/keycloak/keycloak:");
        assertThat(services.get("keycloak").get("command").toString()).contains("--import-realm");
        for (String name : List.of("command-service-oidc", "query-service-oidc", "analytics-service-oidc")) {
            Map<String, Object> env = environment(services.get(name));
            assertThat(env).as(name).containsEntry("SPRING_PROFILES_ACTIVE", "prod")
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                            "http://keycloak:8180/realms/productive-community")
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "productive-community-api")
                    .containsEntry("PLATFORM_SECURITY_JWT_MEMBER_ID_CLAIM", "member_id")
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka-oidc:9092");
            assertThat(env.get("SPRING_DATASOURCE_URL").toString()).endsWith("_oidc");
        }
        Map<String, Object> web = environment(services.get("web-client-oidc"));
        assertThat(web).containsEntry("SPRING_PROFILES_ACTIVE", "prod").containsEntry("OIDC_CLIENT_ID", "pc-web")
                .containsEntry("OIDC_ISSUER_URI", "http://keycloak:8180/realms/productive-community");

        JsonNode realm = new ObjectMapper().readTree(root.resolve("docker/keycloak/productive-community-realm.json").toFile());
        assertThat(realm.get("realm").asText()).isEqualTo("productive-community");
        JsonNode webClient = client(realm, "pc-web");
        assertThat(webClient.get("publicClient").asBoolean()).as("confidential").isFalse();
        assertThat(webClient.get("secret").asText()).isEqualTo(web.get("OIDC_CLIENT_SECRET"));
        assertThat(webClient.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(webClient.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(webClient.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(webClient.get("redirectUris").get(0).asText()).isEqualTo("http://localhost:8090/login/oauth2/code/platform");
        assertThat(client(realm, "productive-community-api").get("bearerOnly").asBoolean()).isTrue();
        assertThat(client(realm, "pc-prometheus").get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(realm.toString()).contains("\"included.custom.audience\":\"productive-community-api\"");

        Map<String, String> people = new TreeMap<>();
        for (JsonNode user : realm.get("users")) {
            if (user.has("credentials")) {
                String name = user.get("username").asText();
                assertThat(user.at("/credentials/0/value").asText()).as("password = user name").isEqualTo(name);
                assertThat(user.at("/attributes/member_id/0").asText()).isEqualTo(name);
                assertThat(user.at("/attributes/segments")).as(name + " has segments").isNotEmpty();
                people.put(name, user.get("realmRoles").toString());
            }
        }
        assertThat(people).containsOnlyKeys("alice", "bob", "carol", "frank", "grace", "dana", "erin", "pia", "cole");
        assertThat(people.get("dana")).contains("ANALYST");
        assertThat(people.get("erin")).contains("AUDITOR");
        assertThat(people.get("alice")).doesNotContain("ANALYST", "AUDITOR");
    }

    private static JsonNode client(JsonNode realm, String id) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals(id)) {
                return client;
            }
        }
        throw new AssertionError("no client " + id + " in the realm");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String config) {
        Map<String, Object> document = new Yaml().load(config);
        return (Map<String, Map<String, Object>>) document.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }

    private String config(String... options) throws IOException, InterruptedException {
        Path composeFile = root.resolve("docker-compose.yml");
        assertThat(composeFile).exists();
        RequiredTool.require(onPath("docker-compose") ? null
                : "docker-compose is not installed (apt-get install docker-compose): compose validation skipped");
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f", composeFile.toString()));
        command.addAll(List.of(options));
        command.add("config");
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
