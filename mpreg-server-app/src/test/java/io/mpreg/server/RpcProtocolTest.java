package io.mpreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The examples of PROTOCOL.md's RPC section, as raw frames over a real socket. */
@SharedServerContext
class RpcProtocolTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private RawWebSocket socket;

    @BeforeEach
    void connect() {
        socket = RawWebSocket.connect(port, "/mpreg");
    }

    @AfterEach
    void disconnect() {
        socket.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mpreg", "/"})
    void theThreeCommandEchoExampleGetsItsExactReplyOnEitherPath(String path) {
        try (RawWebSocket client = RawWebSocket.connect(port, path)) {
            JsonNode reply = client.call("""
                    {"role": "rpc", "u": "01J-echo", "cmds": [
                      {"name": "|first",  "fun": "echo",  "args": ["hi there!"], "kwargs": {}, "locs": []},
                      {"name": "|second", "fun": "echo",  "args": ["|first"],    "locs": []},
                      {"name": "|third",  "fun": "echos", "args": ["|first", "AND ME TOO"], "locs": []}
                    ], "timeout": 30.0}""");

            assertThat(reply).isEqualTo(JSON.readTree("""
                    {"role": "rpc-response", "u": "01J-echo",
                     "r": {"|second": "hi there!", "|third": ["hi there!", "AND ME TOO"]}, "error": null}"""));
        }
    }

    @Test
    void argsKwargsAndLocsMayBeOmitted() {
        JsonNode reply = socket.call("""
                {"role": "rpc", "u": "u-bare", "cmds": [{"name": "only", "fun": "echos"}]}""");

        assertThat(reply.get("r")).isEqualTo(JSON.readTree("""
                {"only": []}"""));
    }

    @Test
    void dottedReferencesReachIntoResultsAndTheDemoPipelineChains() {
        JsonNode reply = socket.call("""
                {"role": "rpc", "u": "u-pipeline", "cmds": [
                  {"name": "raw",     "fun": "ingest", "args": [["a,20.5", "b,oops", "c,19.5", "d,900"]], "locs": ["demo"]},
                  {"name": "clean",   "fun": "clean",  "args": ["raw"], "locs": ["demo"]},
                  {"name": "summary", "fun": "stats",  "args": ["clean"], "locs": ["demo"]},
                  {"name": "report",  "fun": "report", "kwargs": {"title": "floor 2", "summary": "summary"}, "locs": ["demo"]},
                  {"name": "mean",    "fun": "echo",   "args": ["summary.mean"]},
                  {"name": "first",   "fun": "echo",   "args": ["clean.0.sensor"]}
                ]}""");

        assertThat(reply.get("error").isNull()).isTrue();
        assertThat(reply.get("r")).isEqualTo(JSON.readTree("""
                {"report": "floor 2: 2 readings, min 19.5, max 20.5, mean 20.00",
                 "mean": 20.0,
                 "first": "a"}"""));
    }

    @Test
    void onlyWholeStringsAreReferencesNeverSubstrings() {
        JsonNode reply = socket.call("""
                {"role": "rpc", "u": "u-sub", "cmds": [
                  {"name": "a", "fun": "echo", "args": ["x"]},
                  {"name": "b", "fun": "echos", "args": ["a", "a!", {"nested": ["a"]}]}
                ]}""");

        assertThat(reply.get("r")).isEqualTo(JSON.readTree("""
                {"b": ["x", "a!", {"nested": ["x"]}]}"""));
    }

    @Test
    void manyRequestsInFlightOnOneConnectionAreAllAnswered() {
        int requests = 1_000;
        for (int i = 0; i < requests; i++) {
            socket.send("{\"role\":\"rpc\",\"u\":\"u-" + i + "\",\"cmds\":[{\"name\":\"x\",\"fun\":\"echo\",\"args\":[" + i + "]}]}");
        }
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            JsonNode reply = socket.receive();
            String u = reply.get("u").stringValue();
            assertThat(reply.get("r").get("x").intValue()).isEqualTo(Integer.parseInt(u.substring(2)));
            answered.add(u);
        }
        assertThat(answered).hasSize(requests);
    }
}
