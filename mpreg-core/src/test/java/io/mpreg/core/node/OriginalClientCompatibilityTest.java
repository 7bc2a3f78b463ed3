package io.mpreg.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.mpreg.core.transport.WebSocketClient;
import io.mpreg.core.transport.WebSocketClientConnection;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the original MPREG: raw JSON frames on the bare path, no MpregClient. */
class OriginalClientCompatibilityTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void protocolExampleSentOnTheBarePathGetsTheDocumentedReply() {
        String request = """
                {"role": "rpc", "u": "01JEXAMPLE", "cmds": [
                  {"name": "|first",  "fun": "echo",  "args": ["hi there!"], "kwargs": {}, "locs": []},
                  {"name": "|second", "fun": "echo",  "args": ["|first"],    "locs": []},
                  {"name": "|third",  "fun": "echos", "args": ["|first", "AND ME TOO"], "locs": []}
                ], "timeout": 30.0}""";
        try (MpregNode node = MpregNode.builder().host("127.0.0.1").port(0).start();
             WebSocketClientConnection connection = WebSocketClient.create()
                     .connect("ws://127.0.0.1:" + node.port()).block(WAIT)) {
            connection.send(request);

            JsonNode reply = JSON.readTree(connection.inbound().blockFirst(WAIT));

            assertThat(reply.get("role").asString()).isEqualTo("rpc-response");
            assertThat(reply.get("u").asString()).isEqualTo("01JEXAMPLE");
            assertThat(reply.get("error").isNull()).isTrue();
            assertThat(reply.get("r")).isEqualTo(JSON.readTree(
                    "{\"|second\": \"hi there!\", \"|third\": [\"hi there!\", \"AND ME TOO\"]}"));
        }
    }

    @Test
    void malformedFrameIsAnsweredAndTheConnectionKeepsServing() {
        try (MpregNode node = MpregNode.builder().host("127.0.0.1").port(0).start();
             WebSocketClientConnection connection = WebSocketClient.create().connect(node.url()).block(WAIT)) {
            connection.send("this is not json");
            connection.send("{\"role\":\"rpc\",\"u\":\"after\",\"cmds\":[{\"name\":\"a\",\"fun\":\"echo\",\"args\":[1]}]}");

            List<JsonNode> replies = connection.inbound().take(2).map(JSON::readTree).collectList().block(WAIT);

            assertThat(replies).anySatisfy(reply -> {
                assertThat(reply.get("u").isNull()).isTrue();
                assertThat(reply.get("error").get("code").asInt()).isEqualTo(1005);
            });
            assertThat(replies).anySatisfy(reply -> {
                assertThat(reply.get("u").asString()).isEqualTo("after");
                assertThat(reply.get("r").get("a").asInt()).isEqualTo(1);
            });
        }
    }
}
