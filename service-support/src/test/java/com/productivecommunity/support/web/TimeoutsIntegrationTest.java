package com.productivecommunity.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Request timeouts: a client that opens a connection and trickles half a request is dropped, not kept forever
 * (here with a 1 s connection timeout; the shared default is 20 s, checked below).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.tomcat.connection-timeout=1s")
class TimeoutsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    @Test
    void aClientThatStopsSendingIsDisconnected() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/me HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            double seconds = (System.nanoTime() - started) / 1e9;
            // Tomcat closes the connection (possibly with a 400) once the timeout passed without the rest.
            assertThat(seconds).isBetween(0.5, 10.0);
            assertThat(new String(answer, StandardCharsets.US_ASCII)).doesNotContain("200");
        }
    }

    @Test
    void theSharedDefaultsAreInPlaceBelowAnyServiceSetting() {
        assertThat(environment.getProperty("server.tomcat.keep-alive-timeout")).isEqualTo("20s");
        assertThat(environment.getProperty("spring.mvc.async.request-timeout")).isEqualTo("30s");
        assertThat(environment.getProperty("management.endpoint.health.show-details")).isEqualTo("when-authorized");
        assertThat(environment.getProperty("server.tomcat.connection-timeout")).as("a test's own setting wins").isEqualTo("1s");
    }
}
