package io.mpreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import tools.jackson.databind.JsonNode;

/** The application's own WebSocket handlers are served by Spring as usual, beside the node's endpoint. */
@SpringBootTest(classes = {MpregServerApplication.class, OtherWebSocketHandlersTest.EchoEndpoint.class},
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "mpreg.node.name=echo-neighbour"})
class OtherWebSocketHandlersTest {

    @Configuration(proxyBeanMethods = false)
    static class EchoEndpoint {

        @Bean
        SimpleUrlHandlerMapping echoMapping() {
            WebSocketHandler echo = session -> session.send(session.receive()
                    .map(message -> session.textMessage(message.getPayloadAsText())));
            return new SimpleUrlHandlerMapping(Map.of("/echo", echo), 0);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void anApplicationsOwnHandlerAndTheNodeShareThePort() {
        try (RawWebSocket echo = RawWebSocket.connect(port, "/echo");
             RawWebSocket node = RawWebSocket.connect(port, "/mpreg")) {
            assertThat(echo.call("{\"hello\":\"spring\"}").path("hello").asString()).isEqualTo("spring");

            JsonNode reply = node.call("{\"role\":\"rpc\",\"u\":\"u1\",\"cmds\":[{\"name\":\"a\",\"fun\":\"echo\",\"args\":[5]}]}");
            assertThat(reply.path("u").asString()).isEqualTo("u1");
            assertThat(reply.path("r").path("a").asInt()).isEqualTo(5);
        }
    }
}
