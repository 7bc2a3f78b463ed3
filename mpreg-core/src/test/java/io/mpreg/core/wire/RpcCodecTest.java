package io.mpreg.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

class RpcCodecTest {

    private static final String THREE_COMMANDS = """
            {"role": "rpc", "u": "01J0000000000000000000000", "cmds": [
              {"name": "|first",  "fun": "echo",  "args": ["hi there!"], "kwargs": {}, "locs": []},
              {"name": "|second", "fun": "echo",  "args": ["|first"],    "locs": []},
              {"name": "|third",  "fun": "echos", "args": ["|first", "AND ME TOO"], "locs": []}
            ], "timeout": 30.0}""";

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final WireCodec codec = WireCodec.rpc(mapper);

    @Test
    void decodesTheThreeCommandRequest() {
        RpcRequest request = (RpcRequest) codec.decode(THREE_COMMANDS);

        assertThat(request.u()).isEqualTo("01J0000000000000000000000");
        assertThat(request.timeoutSeconds()).isEqualTo(30.0);
        assertThat(request.cmds()).extracting(CommandSpec::name).containsExactly("|first", "|second", "|third");
        assertThat(request.cmds().get(2).fun()).isEqualTo("echos");
        assertThat(request.cmds().get(2).args()).containsExactly(StringNode.valueOf("|first"),
                StringNode.valueOf("AND ME TOO"));
    }

    @Test
    void argsKwargsLocsAndTimeoutMayBeOmitted() {
        RpcRequest request = (RpcRequest) codec.decode("""
                {"role": "rpc", "u": "1", "cmds": [{"name": "a", "fun": "echo"}]}""");

        CommandSpec command = request.cmds().get(0);
        assertThat(command.args()).isEmpty();
        assertThat(command.kwargs()).isEmpty();
        assertThat(command.locs()).isEmpty();
        assertThat(request.timeoutSeconds()).isNull();
    }

    @Test
    void nullArgsKwargsLocsAndTimeoutCountAsOmitted() {
        RpcRequest request = (RpcRequest) codec.decode("""
                {"role": "rpc", "u": "1", "timeout": null,
                 "cmds": [{"name": "a", "fun": "echo", "args": null, "kwargs": null, "locs": null}]}""");

        assertThat(request.cmds().get(0).args()).isEmpty();
        assertThat(request.timeoutSeconds()).isNull();
    }

    @Test
    void unknownExtraFieldsAreIgnored() {
        RpcRequest request = (RpcRequest) codec.decode("""
                {"role": "rpc", "u": "1", "trace": {"id": 7}, "cmds": [{"name": "a", "fun": "echo", "extra": true}]}""");

        assertThat(request.cmds()).hasSize(1);
    }

    @Test
    void kwargsKeepTheirValuesAndLocsTheirOrder() {
        RpcRequest request = (RpcRequest) codec.decode("""
                {"role": "rpc", "u": "1", "cmds": [
                  {"name": "a", "fun": "f", "kwargs": {"x": [1, 2], "y": {"z": null}}, "locs": ["gpu", "eu"]}]}""");

        CommandSpec command = request.cmds().get(0);
        assertThat(command.kwargs().get("x")).isEqualTo(mapper.readTree("[1, 2]"));
        assertThat(command.kwargs().get("y")).isEqualTo(mapper.readTree("{\"z\": null}"));
        assertThat(command.locs()).containsExactly("gpu", "eu");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                       | {"role": "rpc",                                       | frame is not valid JSON
            an array                       | [1, 2]                                                 | frame must be a JSON object
            a string                       | "rpc"                                                  | frame must be a JSON object
            no role                        | {"u": "1", "cmds": []}                                 | 'role'
            a numeric role                 | {"role": 7, "u": "1", "cmds": []}                      | 'role'
            no u                           | {"role": "rpc", "cmds": []}                            | 'u'
            a numeric u                    | {"role": "rpc", "u": 5, "cmds": []}                    | 'u'
            no cmds                        | {"role": "rpc", "u": "1"}                              | 'cmds'
            cmds an object                 | {"role": "rpc", "u": "1", "cmds": {}}                  | 'cmds'
            a command not an object        | {"role": "rpc", "u": "1", "cmds": ["a"]}               | 'cmds'
            a command without name         | {"role": "rpc", "u": "1", "cmds": [{"fun": "f"}]}      | 'name'
            a numeric name                 | {"role": "rpc", "u": "1", "cmds": [{"name": 1, "fun": "f"}]}            | 'name'
            a command without fun          | {"role": "rpc", "u": "1", "cmds": [{"name": "a"}]}                      | 'fun'
            a fun that is a list           | {"role": "rpc", "u": "1", "cmds": [{"name": "a", "fun": ["f"]}]}        | 'fun'
            args an object                 | {"role": "rpc", "u": "1", "cmds": [{"name": "a", "fun": "f", "args": {}}]}        | 'args'
            kwargs a list                  | {"role": "rpc", "u": "1", "cmds": [{"name": "a", "fun": "f", "kwargs": []}]}      | 'kwargs'
            locs a string                  | {"role": "rpc", "u": "1", "cmds": [{"name": "a", "fun": "f", "locs": "gpu"}]}     | 'locs'
            locs holding a number          | {"role": "rpc", "u": "1", "cmds": [{"name": "a", "fun": "f", "locs": [1]}]}       | 'locs'
            a string timeout               | {"role": "rpc", "u": "1", "cmds": [], "timeout": "30"}  | 'timeout'
            a zero timeout                 | {"role": "rpc", "u": "1", "cmds": [], "timeout": 0}     | 'timeout'
            a negative timeout             | {"role": "rpc", "u": "1", "cmds": [], "timeout": -1.5}  | 'timeout'
            """)
    void malformedRequestsAreRejectedNamingTheField(String description, String frame, String named) {
        assertThatThrownBy(() -> codec.decode(frame))
                .isInstanceOfSatisfying(FrameRejectedException.class, rejected -> {
                    assertThat(rejected.kind()).isEqualTo(ErrorKind.MALFORMED);
                    assertThat(rejected.code()).isEqualTo(1005);
                })
                .hasMessageContaining(named);
    }

    @Test
    void aRejectedFrameCarriesItsUWhenReadable() {
        assertThat(rejection(() -> codec.decode("{\"role\": \"rpc\", \"u\": \"abc\", \"cmds\": 3}")).u())
                .isEqualTo("abc");
        assertThat(rejection(() -> codec.decode("{\"role\": \"rpc\", \"u\": 3, \"cmds\": []}")).u()).isNull();
        assertThat(rejection(() -> codec.decode("{{{")).u()).isNull();
    }

    @Test
    void anUnknownRoleIsRejectedAsUnknownRole() {
        FrameRejectedException rejected = rejection(() -> codec.decode("{\"role\": \"teleport\", \"u\": \"9\"}"));

        assertThat(rejected.kind()).isEqualTo(ErrorKind.UNKNOWN_ROLE);
        assertThat(rejected.code()).isEqualTo(1000);
        assertThat(rejected.u()).isEqualTo("9");
        assertThat(rejected).hasMessageContaining("teleport");
    }

    @Test
    void requestsSurviveAnEncodeDecodeRoundTrip() {
        RpcRequest request = (RpcRequest) codec.decode(THREE_COMMANDS);

        assertThat(codec.decode(codec.encode(request))).isEqualTo(request);
    }

    @Test
    void successRepliesEncodeResultsInOrderWithNullError() {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        results.put("|second", StringNode.valueOf("hi there!"));
        results.put("|third", mapper.readTree("[\"hi there!\", \"AND ME TOO\"]"));

        String frame = codec.encode(RpcResponse.success("01J", results));

        assertThat(mapper.readTree(frame)).isEqualTo(mapper.readTree("""
                {"role": "rpc-response", "u": "01J",
                 "r": {"|second": "hi there!", "|third": ["hi there!", "AND ME TOO"]}, "error": null}"""));
        assertThat(frame).contains("\"|second\":\"hi there!\",\"|third\"");
        assertThat(codec.decode(frame)).isEqualTo(RpcResponse.success("01J", results));
    }

    @Test
    void errorRepliesCarryAnIntegerCodeKindMessageAndDetailsAndNullResults() {
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("command", "|x").put("fun", "ech0");
        details.putArray("locs").add("gpu");
        MpregException failure = MpregException.of(ErrorKind.FUNCTION_NOT_FOUND,
                "no node offers 'ech0' with resources [gpu]", details);

        String frame = codec.encode(RpcResponse.failure("01J", ErrorBody.of(failure)));

        assertThat(mapper.readTree(frame)).isEqualTo(mapper.readTree("""
                {"role": "rpc-response", "u": "01J", "r": null,
                 "error": {"code": 1001, "kind": "FUNCTION_NOT_FOUND",
                           "message": "no node offers 'ech0' with resources [gpu]",
                           "details": {"command": "|x", "fun": "ech0", "locs": ["gpu"]}}}"""));
        RpcResponse decoded = (RpcResponse) codec.decode(frame);
        assertThat(decoded.error()).isEqualTo(ErrorBody.of(failure));
        MpregException raised = decoded.error().toException();
        assertThat(raised.kind()).isEqualTo(ErrorKind.FUNCTION_NOT_FOUND);
        assertThat(raised.details()).isEqualTo(details);
    }

    @Test
    void errorRepliesWithoutDetailsOmitThemAndMayHaveANullU() {
        String frame = codec.encode(RpcResponse.failure(null, ErrorBody.of(MpregException.of(ErrorKind.MALFORMED, "bad"))));

        assertThat(mapper.readTree(frame)).isEqualTo(mapper.readTree("""
                {"role": "rpc-response", "u": null, "r": null, "error": {"code": 1005, "kind": "MALFORMED", "message": "bad"}}"""));
    }

    @Test
    void anErrorFromAnOriginalNodeWithOnlyACodeIsUnderstood() {
        RpcResponse decoded = (RpcResponse) codec.decode("""
                {"role": "rpc-response", "u": "1", "r": null, "error": {"code": 1004}}""");

        assertThat(decoded.error()).isEqualTo(new ErrorBody(1004, "TIMEOUT", "", null));
        assertThat(decoded.error().toException().kind()).isEqualTo(ErrorKind.TIMEOUT);
    }

    @Test
    void anUnknownErrorCodeBecomesAnInternalFailureOnTheCallingSide() {
        RpcResponse decoded = (RpcResponse) codec.decode("""
                {"role": "rpc-response", "u": "1", "error": {"code": 4242, "message": "new"}}""");

        assertThat(decoded.error().kind()).isEqualTo("UNKNOWN");
        assertThat(decoded.error().toException().kind()).isEqualTo(ErrorKind.INTERNAL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            neither r nor error        | {"role": "rpc-response", "u": "1"}                                  | 'r'
            r not an object            | {"role": "rpc-response", "u": "1", "r": [1], "error": null}         | 'r'
            error not an object        | {"role": "rpc-response", "u": "1", "r": null, "error": "boom"}      | 'error'
            error without code         | {"role": "rpc-response", "u": "1", "error": {"message": "m"}}       | 'error.code'
            error with a string code   | {"role": "rpc-response", "u": "1", "error": {"code": "1001"}}       | 'error.code'
            error with a numeric kind  | {"role": "rpc-response", "u": "1", "error": {"code": 1001, "kind": 3}}   | 'kind'
            success without u          | {"role": "rpc-response", "r": {}}                                   | 'u'
            """)
    void malformedRepliesAreRejectedNamingTheField(String description, String frame, String named) {
        assertThat(rejection(() -> codec.decode(frame)))
                .hasMessageContaining(named)
                .extracting(MpregException::kind).isEqualTo(ErrorKind.MALFORMED);
    }

    @Test
    void aCommandListEncodesEveryFieldExplicitly() {
        RpcRequest request = new RpcRequest("7", List.of(new CommandSpec("a", "echo", List.of(), Map.of(), List.of())),
                null);

        assertThat(mapper.readTree(codec.encode(request))).isEqualTo(mapper.readTree("""
                {"role": "rpc", "u": "7", "cmds": [{"name": "a", "fun": "echo", "args": [], "kwargs": {}, "locs": []}]}"""));
    }

    private static FrameRejectedException rejection(ThrowingCallable call) {
        try {
            call.call();
        } catch (FrameRejectedException rejected) {
            return rejected;
        } catch (Throwable other) {
            throw new AssertionError("expected a FrameRejectedException", other);
        }
        throw new AssertionError("expected the frame to be rejected");
    }
}
