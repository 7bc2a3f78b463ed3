package io.mpreg.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mpreg.core.cluster.ClusterPayload.Ack;
import io.mpreg.core.cluster.ClusterPayload.Call;
import io.mpreg.core.cluster.ClusterPayload.CallResult;
import io.mpreg.core.cluster.ClusterPayload.Gossip;
import io.mpreg.core.cluster.ClusterPayload.Join;
import io.mpreg.core.cluster.ClusterPayload.Ping;
import io.mpreg.core.cluster.ClusterPayload.PingRequest;
import io.mpreg.core.cluster.ClusterPayload.PubSubInterest;
import io.mpreg.core.cluster.ClusterPayload.Refused;
import io.mpreg.core.cluster.ClusterPayload.SyncDigest;
import io.mpreg.core.cluster.ClusterPayload.SyncState;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.core.pubsub.TopicPattern;
import io.mpreg.core.wire.CommandSpec;
import io.mpreg.core.wire.ErrorBody;
import io.mpreg.core.wire.FrameRejectedException;
import io.mpreg.core.wire.WireCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

class ClusterMessageCodecTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final ClusterMessageCodec codec = new ClusterMessageCodec(MAPPER);

    static final MemberRecord RECORD = new MemberRecord("node-a", 7, MemberStatus.SUSPECT,
            new MemberInfo("ws://10.0.0.1:7070/mpreg", "ws://10.0.0.1:7070/mpreg", "http://10.0.0.1:8081",
                    new java.util.TreeSet<>(Set.of("gpu", "eu")),
                    List.of(FunctionEntry.of("train", "2.1.0", Set.of("cuda"), "trains a model"),
                            FunctionEntry.of("lookup", "1.0.0").withIdempotent(true))));

    static final CommandSpec COMMAND = new CommandSpec("|step", "train",
            List.of(IntNode.valueOf(1), StringNode.valueOf("x")), Map.of("rate", DoubleNode.valueOf(0.5)),
            List.of("gpu"));

    static List<ClusterPayload> everyKind() {
        return List.of(new Ping(1, "node-b"), new PingRequest(2, "node-c", "ws://c:1/mpreg"), new Ack(3),
                new Join(RECORD), new SyncDigest(List.of(0L, -1L, Long.MAX_VALUE)),
                new SyncState(List.of(RECORD, RECORD.withStatus(MemberStatus.LEFT)), List.of(0, 5)), new Gossip(),
                new Refused("other cluster"), new Call("c-1", COMMAND, 2500),
                new CallResult("c-1", StringNode.valueOf("done"), null),
                new CallResult("c-2", NullNode.getInstance(), null),
                new CallResult("c-3", null, new ErrorBody(1003, "FUNCTION_FAILED", "boom", null)),
                new ClusterPayload.Cancel("c-4"),
                new PubSubInterest(-5, 3, Set.of(TopicPattern.of("orders.*.created"), TopicPattern.of("#"),
                        TopicPattern.exact("audit.*")), true),
                new PubSubInterest(1, 0, Set.of(), false),
                new ClusterPayload.PubSubPublish(new PubSubMessage("orders.eu.created",
                        StringNode.valueOf("o-1"), "m-1", "shop", 1700000000.125,
                        Map.of("trace", StringNode.valueOf("t-1")))));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyMessageKindSurvivesARoundTrip(ClusterPayload payload) {
        ClusterMessage message = new ClusterMessage("prod", "node-x", "ws://x:1/mpreg", 4, payload, List.of(RECORD));
        assertThat(codec.decode(codec.encode(message))).isEqualTo(message);
    }

    @Test
    void pingTravelsWithItsNumberNameAndHeaderFields() {
        ClusterMessage ping = new ClusterMessage("prod", "node-x", "ws://x:1/mpreg", 0, new Ping(9, "node-y"),
                List.of());
        assertThat(codec.encode(ping)).isEqualTo("{\"role\":\"fabric\",\"k\":1,\"kind\":\"ping\",\"cluster\":\"prod\","
                + "\"from\":\"node-x\",\"addr\":\"ws://x:1/mpreg\",\"load\":0,\"seq\":9,\"target\":\"node-y\"}");
    }

    @Test
    void decodedMessageKnowsTheUtf8SizeOfItsFrame() {
        ClusterMessage message = new ClusterMessage("prod", "nœud-é", "ws://x:1/mpreg", 0, new Ping(9, "узел-😀"),
                List.of());
        String frame = codec.encode(message);

        assertThat(codec.decode(frame).frameBytes())
                .isEqualTo(frame.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isGreaterThan(frame.length());
        assertThat(message.frameBytes()).as("a message built here was never a frame").isZero();
    }

    @Test
    void cancelTravelsWithTheIdOfTheCallItWithdraws() {
        ClusterMessage cancel = new ClusterMessage("prod", "node-x", "ws://x:1/mpreg", 0,
                new ClusterPayload.Cancel("c-9"), List.of());

        assertThat(cancel.u()).isEqualTo("c-9");
        assertThat(codec.encode(cancel)).contains("\"k\":11,\"kind\":\"cancel\"", "\"u\":\"c-9\"");
        assertThatThrownBy(() -> codec.decode("{\"role\":\"fabric\",\"k\":11,\"cluster\":\"c\",\"from\":\"a\","
                + "\"addr\":\"b\"}")).isInstanceOf(FrameRejectedException.class).hasMessageContaining("'u'");
    }

    @Test
    void interestTravelsAsPatternsAndLiteralTopicsWithItsEpochAndGeneration() {
        ClusterMessage interest = new ClusterMessage("prod", "node-x", "ws://x:1/mpreg", 0,
                new PubSubInterest(7, 2, Set.of(TopicPattern.exact("a.*")), false), List.of());

        assertThat(codec.encode(interest)).contains("\"k\":12,\"kind\":\"pubsub-interest\"", "\"epoch\":7",
                "\"gen\":2", "\"patterns\":[]", "\"exact\":[\"a.*\"]").doesNotContain("ask");
    }

    @Test
    void interestWithAnEmptyWordOrForwardedMessageWithoutTopicIsRejected() {
        String header = "{\"role\":\"fabric\",\"cluster\":\"c\",\"from\":\"a\",\"addr\":\"b\",";
        assertThatThrownBy(() -> codec.decode(header + "\"k\":12,\"epoch\":1,\"gen\":1,\"patterns\":[\"a..b\"]}"))
                .isInstanceOf(FrameRejectedException.class).hasMessageContaining("a..b");
        assertThatThrownBy(() -> codec.decode(header + "\"k\":13,\"message\":{\"message_id\":\"m\"}}"))
                .isInstanceOf(FrameRejectedException.class).hasMessageContaining("topic");
    }

    @Test
    void unknownKindNumberIsRejectedAsMalformed() {
        assertThatThrownBy(() -> codec.decode("{\"role\":\"fabric\",\"k\":99,\"cluster\":\"c\",\"from\":\"a\",\"addr\":\"b\"}"))
                .isInstanceOf(FrameRejectedException.class).hasMessageContaining("unknown fabric message kind 99");
    }

    @Test
    void recordWithUnknownStatusIsRejectedNamingIt() {
        String frame = "{\"role\":\"fabric\",\"k\":4,\"cluster\":\"c\",\"from\":\"a\",\"addr\":\"b\",\"self\":"
                + "{\"id\":\"a\",\"inc\":0,\"status\":\"zombie\",\"addr\":\"b\"}}";
        assertThatThrownBy(() -> codec.decode(frame)).isInstanceOf(FrameRejectedException.class)
                .hasMessageContaining("unknown member status 'zombie'");
    }

    @Test
    void missingSequenceNumberIsRejected() {
        assertThatThrownBy(() -> codec.decode("{\"role\":\"fabric\",\"k\":3,\"cluster\":\"c\",\"from\":\"a\",\"addr\":\"b\"}"))
                .isInstanceOf(FrameRejectedException.class).hasMessageContaining("'seq' must be an integer");
    }

    @Test
    void frameOfAnotherRoleIsNotAClusterMessage() {
        assertThatThrownBy(() -> codec.decode("{\"role\":\"rpc\",\"u\":\"1\",\"cmds\":[]}"))
                .isInstanceOf(MpregException.class)
                .satisfies(e -> assertThat(((MpregException) e).kind()).isEqualTo(ErrorKind.MALFORMED));
    }

    @Test
    void nodeFrameCodecDecodesFabricFramesOnceRegistered() {
        WireCodec nodeCodec = ClusterMessageCodec.register(WireCodec.rpc(MAPPER));
        ClusterMessage ack = new ClusterMessage("prod", "a", "ws://a:1/mpreg", 0, new Ack(1), List.of());
        assertThat(nodeCodec.decode(nodeCodec.encode(ack))).isEqualTo(ack);
    }

    @Test
    void callCarriesItsIdCommandAndRemainingTime() {
        ClusterMessage call = new ClusterMessage("prod", "node-x", "ws://x:1/mpreg", 0, new Call("c-9", COMMAND, 120),
                List.of());
        assertThat(call.u()).isEqualTo("c-9");
        assertThat(codec.encode(call)).contains("\"k\":9,\"kind\":\"call\"", "\"u\":\"c-9\"",
                "\"cmd\":{\"name\":\"|step\",\"fun\":\"train\"", "\"timeout\":120");
    }

    @Test
    void callWithoutTimeOrResultWithoutOutcomeIsRejectedAsMalformed() {
        assertThatThrownBy(() -> codec.decode("{\"role\":\"fabric\",\"k\":9,\"cluster\":\"c\",\"from\":\"a\","
                + "\"addr\":\"b\",\"u\":\"1\",\"cmd\":{\"name\":\"n\",\"fun\":\"f\"},\"timeout\":0}"))
                .isInstanceOf(FrameRejectedException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> codec.decode("{\"role\":\"fabric\",\"k\":10,\"cluster\":\"c\",\"from\":\"a\","
                + "\"addr\":\"b\",\"u\":\"1\"}"))
                .isInstanceOf(FrameRejectedException.class).hasMessageContaining("'r' or 'error'");
    }
}
