package com.productivecommunity.analytics.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The HTTP calls the model-version tests make, as a demo member (HTTP Basic, password = name). */
record ModelsHttp(TestRestTemplate rest, ObjectMapper json) {

    ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    /** A 200 read's body. */
    JsonNode ok(String user, String path) throws Exception {
        ResponseEntity<String> response = get(user, path);
        assertThat(response.getStatusCode().value()).as(user + " GET " + path + ": " + response.getBody())
                .isEqualTo(200);
        return json.readTree(response.getBody());
    }

    ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    /** Waits until the version's replay has caught up. */
    void awaitCaughtUp(String model, java.time.Duration wait) {
        org.awaitility.Awaitility.await().atMost(wait).pollInterval(java.time.Duration.ofMillis(200)).until(() ->
                json.readTree(get("dana", "/api/analytics/models/" + model + "/progress").getBody())
                        .get("state").asText().equals("caught-up"));
    }

    /** A definition an analyst posts is refused: 400 problem+json naming {@code field}. */
    void badRequest(String body, String field) throws Exception {
        ResponseEntity<String> response = post("dana", "/api/analytics/models", body);
        assertThat(response.getStatusCode().value()).as(body + " -> " + response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(json.readTree(response.getBody()).get("field").asText()).as(response.getBody()).isEqualTo(field);
    }
}
