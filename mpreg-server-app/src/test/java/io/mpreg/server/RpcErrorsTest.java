package io.mpreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every error code that one node can produce, as raw frames over a real socket. */
@SharedServerContext
class RpcErrorsTest {

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

    @Test
    void anUnknownRoleIsAnsweredWithUnknownRole() {
        JsonNode reply = socket.call("""
                {"role": "teleport", "u": "u-role"}""");

        assertError(reply, "u-role", 1000, "UNKNOWN_ROLE");
    }

    @Test
    void aFunctionNobodyOffersIsNotFound() {
        JsonNode reply = socket.call("""
                {"role": "rpc", "u": "u-missing", "cmds": [{"name": "|x", "fun": "ech0", "args": [], "locs": ["gpu"]}]}""");

        assertError(reply, "u-missing", 1001, "FUNCTION_NOT_FOUND");
    }

    @Test
    void aFunctionOfferedWithoutTheRequestedResourceIsNotFound() {
        JsonNode reply = socket.call("""
                {"role": "rpc", "u": "u-locs", "cmds": [{"name": "s", "fun": "stats", "args": [[]], "locs": ["demo", "gpu"]}]}""");

        assertError(reply, "u-locs", 1001, "FUNCTION_NOT_FOUND");
    }

    @Test
    void aThrowingFunctionFailsTheRequestWithItsMessage() {
        JsonNode reply = socket.call("""
                {"role": "rpc", "u": "u-fail", "cmds": [{"name": "boom", "fun": "fail", "args": ["disk on fire"]}]}""");

        assertError(reply, "u-fail", 1003, "FUNCTION_FAILED");
        assertThat(reply.get("error").toString()).contains("disk on fire");
    }

    @Test
    void aRequestThatOutlivesItsTimeoutIsAnsweredWithTimeout() {
        JsonNode reply = socket.call("""
                {"role": "rpc", "u": "u-slow", "cmds": [{"name": "nap", "fun": "sleep", "args": [5000]}], "timeout": 0.2}""");

        assertError(reply, "u-slow", 1004, "TIMEOUT");
    }

    @Test
    void garbageIsMalformedAndTheConnectionKeepsServing() {
        JsonNode notJson = socket.call("this is not json {");
        JsonNode noCommands = socket.call("""
                {"role": "rpc", "u": "u-nocmds"}""");
        JsonNode wrongType = socket.call("""
                {"role": "rpc", "u": "u-type", "cmds": [{"name": 7, "fun": "echo"}]}""");
        JsonNode stillServing = socket.call("""
                {"role": "rpc", "u": "u-after", "cmds": [{"name": "a", "fun": "echo", "args": ["ok"]}]}""");

        assertError(notJson, null, 1005, "MALFORMED");
        assertError(noCommands, "u-nocmds", 1005, "MALFORMED");
        assertError(wrongType, "u-type", 1005, "MALFORMED");
        assertThat(stillServing.get("r").get("a").stringValue()).isEqualTo("ok");
    }

    @Test
    void twoCommandsWithOneNameAreRejected() {
        JsonNode reply = socket.call("""
                {"role": "rpc", "u": "u-dup", "cmds": [
                  {"name": "a", "fun": "echo", "args": [1]},
                  {"name": "a", "fun": "echo", "args": [2]}]}""");

        assertError(reply, "u-dup", 1006, "DUPLICATE_NAME");
    }

    @Test
    void referencesFormingACycleAreRejectedBeforeAnythingRuns() {
        JsonNode reply = socket.call("""
                {"role": "rpc", "u": "u-cycle", "cmds": [
                  {"name": "a", "fun": "fail", "args": ["b"]},
                  {"name": "b", "fun": "echo", "args": ["a"]}]}""");

        assertError(reply, "u-cycle", 1007, "CYCLE");
    }

    @Test
    void aDottedReferenceToAMissingFieldFails() {
        JsonNode reply = socket.call("""
                {"role": "rpc", "u": "u-field", "cmds": [
                  {"name": "s", "fun": "stats", "args": [[]], "locs": ["demo"]},
                  {"name": "m", "fun": "echo", "args": ["s.median"]}]}""");

        assertError(reply, "u-field", 1008, "FIELD_NOT_FOUND");
    }

    @Test
    void argumentsThatDoNotFitTheParametersAreBadArguments() {
        JsonNode tooMany = socket.call("""
                {"role": "rpc", "u": "u-count", "cmds": [{"name": "r", "fun": "report", "args": ["t", {}, "extra"], "locs": ["demo"]}]}""");
        JsonNode wrongType = socket.call("""
                {"role": "rpc", "u": "u-kind", "cmds": [{"name": "n", "fun": "sleep", "args": ["soon"]}]}""");

        assertError(tooMany, "u-count", 1009, "BAD_ARGUMENTS");
        assertError(wrongType, "u-kind", 1009, "BAD_ARGUMENTS");
    }

    @Test
    void blockingCallsBeyondThePoolAndItsQueueAreOverloaded() {
        int calls = 12;
        for (int i = 0; i < calls; i++) {
            socket.send("{\"role\":\"rpc\",\"u\":\"u-block-" + i
                    + "\",\"cmds\":[{\"name\":\"b\",\"fun\":\"block\",\"args\":[500]}]}");
        }
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            JsonNode error = socket.receive().get("error");
            kinds.add(error.isNull() ? "OK" : error.get("kind").stringValue());
        }

        assertThat(kinds).contains("OK", "OVERLOADED").containsOnly("OK", "OVERLOADED");
    }

    private static void assertError(JsonNode reply, String u, int code, String kind) {
        assertThat(reply.get("role").stringValue()).isEqualTo("rpc-response");
        if (u == null) {
            assertThat(reply.get("u").isNull()).isTrue();
        }
        else {
            assertThat(reply.get("u").stringValue()).isEqualTo(u);
        }
        assertThat(reply.get("r").isNull()).isTrue();
        assertThat(reply.get("error").get("code").intValue()).isEqualTo(code);
        assertThat(reply.get("error").get("kind").stringValue()).isEqualTo(kind);
        assertThat(reply.get("error").get("message").stringValue()).isNotBlank();
    }
}
