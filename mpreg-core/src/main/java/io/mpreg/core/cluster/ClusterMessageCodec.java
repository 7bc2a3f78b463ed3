package io.mpreg.core.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.mpreg.core.cluster.ClusterPayload.Ack;
import io.mpreg.core.cluster.ClusterPayload.Call;
import io.mpreg.core.cluster.ClusterPayload.CallResult;
import io.mpreg.core.cluster.ClusterPayload.Cancel;
import io.mpreg.core.cluster.ClusterPayload.Gossip;
import io.mpreg.core.cluster.ClusterPayload.Join;
import io.mpreg.core.cluster.ClusterPayload.Ping;
import io.mpreg.core.cluster.ClusterPayload.PingRequest;
import io.mpreg.core.cluster.ClusterPayload.PubSubInterest;
import io.mpreg.core.cluster.ClusterPayload.PubSubPublish;
import io.mpreg.core.cluster.ClusterPayload.Refused;
import io.mpreg.core.cluster.ClusterPayload.SyncDigest;
import io.mpreg.core.cluster.ClusterPayload.SyncState;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.pubsub.PubSubWire;
import io.mpreg.core.pubsub.TopicPattern;
import io.mpreg.core.wire.CommandSpec;
import io.mpreg.core.wire.ErrorBody;
import io.mpreg.core.wire.Fields;
import io.mpreg.core.wire.FrameRejectedException;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON encoding of {@link ClusterMessage}s as {@code "role": "fabric"} frames.
 *
 * <p>{@link #register(WireCodec)} adds the fabric role to a node's frame codec,
 * so cluster messages share the WebSocket connection and its validation with
 * everything else. Field names are documented in docs/cluster.md.
 */
public final class ClusterMessageCodec {

    private final WireCodec codec;

    /** A codec for cluster messages alone. */
    public ClusterMessageCodec(JsonMapper mapper) {
        this.codec = register(WireCodec.rpc(Objects.requireNonNull(mapper, "mapper")));
    }

    /** The given frame codec, also decoding {@code fabric} frames into {@link ClusterMessage}s. */
    public static WireCodec register(WireCodec codec) {
        return codec.withRole(ClusterMessage.ROLE, ClusterMessageCodec::decode);
    }

    /** Encodes a message as the text of one frame. */
    public String encode(ClusterMessage message) {
        return codec.encode(message);
    }

    /**
     * Decodes one frame.
     *
     * @throws FrameRejectedException if it is not a valid frame
     * @throws MpregException           ({@code MALFORMED}) if it is a valid frame of another role
     */
    public ClusterMessage decode(String frame) {
        WireMessage message = codec.decode(frame);
        if (message instanceof ClusterMessage cluster) {
            return cluster;
        }
        throw MpregException.of(ErrorKind.MALFORMED,
                "expected a '" + ClusterMessage.ROLE + "' frame, got role '" + message.role() + "'");
    }

    static void write(ClusterMessage m, JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("role", ClusterMessage.ROLE);
        g.writeNumberProperty("k", m.kind().code());
        g.writeStringProperty("kind", m.kind().wireName());
        g.writeStringProperty("cluster", m.clusterId());
        g.writeStringProperty("from", m.fromId());
        g.writeStringProperty("addr", m.fromAddress());
        g.writeNumberProperty("load", m.load());
        writePayload(m.payload(), g);
        if (!m.gossip().isEmpty()) {
            g.writeName("gossip");
            writeRecords(m.gossip(), g);
        }
        g.writeEndObject();
    }

    private static void writePayload(ClusterPayload payload, JsonGenerator g) {
        if (payload instanceof Ping ping) {
            g.writeNumberProperty("seq", ping.seq());
            g.writeStringProperty("target", ping.targetId());
        } else if (payload instanceof PingRequest request) {
            g.writeNumberProperty("seq", request.seq());
            g.writeStringProperty("target", request.targetId());
            g.writeStringProperty("targetAddr", request.targetAddress());
        } else if (payload instanceof Ack ack) {
            g.writeNumberProperty("seq", ack.seq());
        } else if (payload instanceof Join join) {
            g.writeName("self");
            writeRecord(join.self(), g);
        } else if (payload instanceof SyncDigest digest) {
            g.writeName("buckets");
            g.writeStartArray();
            for (long bucket : digest.buckets()) {
                g.writeNumber(bucket);
            }
            g.writeEndArray();
        } else if (payload instanceof SyncState state) {
            g.writeName("records");
            writeRecords(state.records(), g);
            g.writeName("want");
            g.writeStartArray();
            for (int bucket : state.wantBuckets()) {
                g.writeNumber(bucket);
            }
            g.writeEndArray();
        } else if (payload instanceof Refused refused) {
            g.writeStringProperty("reason", refused.reason());
        } else if (payload instanceof Call call) {
            g.writeStringProperty("u", call.u());
            g.writeName("cmd");
            call.command().writeTo(g);
            g.writeNumberProperty("timeout", call.timeoutMillis());
        } else if (payload instanceof CallResult result) {
            g.writeStringProperty("u", result.u());
            if (result.error() != null) {
                g.writeName("error");
                result.error().writeTo(g);
            } else {
                g.writeName("r");
                g.writePOJO(result.result());
            }
        } else if (payload instanceof Cancel cancel) {
            g.writeStringProperty("u", cancel.u());
        } else if (payload instanceof PubSubInterest interest) {
            writeInterest(interest, g);
        } else if (payload instanceof PubSubPublish publish) {
            g.writeName("message");
            PubSubWire.writeMessage(publish.message(), g);
        }
    }

    private static void writeInterest(PubSubInterest interest, JsonGenerator g) {
        g.writeNumberProperty("epoch", interest.epoch());
        g.writeNumberProperty("gen", interest.generation());
        writeStrings("patterns", interest.patterns().stream().filter(p -> !p.exactMatch())
                .map(TopicPattern::pattern).toList(), g);
        writeStrings("exact", interest.patterns().stream().filter(TopicPattern::exactMatch)
                .map(TopicPattern::pattern).toList(), g);
        if (interest.ask()) {
            g.writeBooleanProperty("ask", true);
        }
    }

    private static void writeRecords(List<MemberRecord> records, JsonGenerator g) {
        g.writeStartArray();
        for (MemberRecord record : records) {
            writeRecord(record, g);
        }
        g.writeEndArray();
    }

    private static void writeRecord(MemberRecord r, JsonGenerator g) {
        MemberInfo info = r.info();
        g.writeStartObject();
        g.writeStringProperty("id", r.id());
        g.writeNumberProperty("inc", r.incarnation());
        g.writeStringProperty("status", r.status().wireName());
        g.writeStringProperty("addr", info.address());
        if (info.clientUrl() != null) {
            g.writeStringProperty("client", info.clientUrl());
        }
        if (info.managementUrl() != null) {
            g.writeStringProperty("mgmt", info.managementUrl());
        }
        writeStrings("res", info.resources(), g);
        g.writeName("fns");
        g.writeStartArray();
        for (FunctionEntry f : info.functions()) {
            g.writeStartObject();
            g.writeStringProperty("name", f.name());
            g.writeStringProperty("ver", f.version());
            writeStrings("res", f.resources(), g);
            g.writeStringProperty("desc", f.description());
            if (f.idempotent()) {
                g.writeBooleanProperty("idem", true);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeStrings(String field, Iterable<String> values, JsonGenerator g) {
        g.writeName(field);
        g.writeStartArray();
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    static ClusterMessage decode(ObjectNode frame, Fields fields) {
        int code = (int) requireLong(frame, "k", fields);
        MessageKind kind = MessageKind.ofCode(code)
                .orElseThrow(() -> fields.reject("unknown fabric message kind " + code));
        ClusterPayload payload = switch (kind) {
            case PING -> new Ping(requireLong(frame, "seq", fields), fields.requireString(frame, "target"));
            case PING_REQ -> new PingRequest(requireLong(frame, "seq", fields),
                    fields.requireString(frame, "target"), fields.requireString(frame, "targetAddr"));
            case ACK -> new Ack(requireLong(frame, "seq", fields));
            case JOIN -> new Join(readRecord(fields.requireObject(frame, "self"), fields));
            case SYNC_DIGEST -> new SyncDigest(readLongs(fields.requireArray(frame, "buckets"), "buckets", fields));
            case SYNC_STATE -> new SyncState(readRecords(fields.requireArray(frame, "records"), fields),
                    readInts(fields.optionalArray(frame, "want"), fields));
            case GOSSIP -> new Gossip();
            case REFUSED -> new Refused(fields.requireString(frame, "reason"));
            case CALL -> readCall(frame, fields);
            case CALL_RESULT -> readCallResult(frame, fields);
            case CANCEL -> new Cancel(fields.requireU());
            case PUBSUB_INTEREST -> readInterest(frame, fields);
            case PUBSUB_PUBLISH -> new PubSubPublish(PubSubWire.readMessage(fields.requireObject(frame, "message"),
                    fields));
        };
        return new ClusterMessage(fields.requireString(frame, "cluster"), fields.requireString(frame, "from"),
                fields.requireString(frame, "addr"), (int) optionalLong(frame, "load", fields), payload,
                readRecords(fields.optionalArray(frame, "gossip"), fields), fields.frameBytes());
    }

    private static Call readCall(ObjectNode frame, Fields fields) {
        long timeout = requireLong(frame, "timeout", fields);
        if (timeout < 1) {
            throw fields.reject("field 'timeout' must be a positive number of milliseconds");
        }
        return new Call(fields.requireU(), CommandSpec.decode(fields.requireObject(frame, "cmd"), fields), timeout);
    }

    private static CallResult readCallResult(ObjectNode frame, Fields fields) {
        String u = fields.requireU();
        ObjectNode error = fields.optionalObject(frame, "error");
        if (error != null) {
            return new CallResult(u, null, ErrorBody.decode(error, fields));
        }
        JsonNode result = frame.get("r");
        if (result == null) {
            throw fields.reject("field 'r' or 'error' is required");
        }
        return new CallResult(u, result, null);
    }

    private static PubSubInterest readInterest(ObjectNode frame, Fields fields) {
        List<TopicPattern> patterns = new ArrayList<>();
        readPatterns(fields.optionalStringArray(frame, "patterns"), false, patterns, fields);
        readPatterns(fields.optionalStringArray(frame, "exact"), true, patterns, fields);
        JsonNode ask = frame.get("ask");
        if (ask != null && !ask.isNull() && !ask.isBoolean()) {
            throw fields.reject("field 'ask' must be a boolean");
        }
        return new PubSubInterest(requireLong(frame, "epoch", fields), requireLong(frame, "gen", fields),
                Set.copyOf(patterns), ask != null && ask.booleanValue());
    }

    private static void readPatterns(List<String> texts, boolean exact, List<TopicPattern> into, Fields fields) {
        for (String text : texts) {
            String problem = TopicPattern.topicProblem(text);
            if (problem != null) {
                throw fields.reject("pattern '" + text + "' " + problem);
            }
            into.add(new TopicPattern(text, exact));
        }
    }

    private static List<MemberRecord> readRecords(List<JsonNode> nodes, Fields fields) {
        List<MemberRecord> records = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            if (!node.isObject()) {
                throw fields.reject("member records must be objects");
            }
            records.add(readRecord((ObjectNode) node, fields));
        }
        return records;
    }

    private static MemberRecord readRecord(ObjectNode r, Fields fields) {
        String statusName = fields.requireString(r, "status");
        MemberStatus status = MemberStatus.ofWireName(statusName)
                .orElseThrow(() -> fields.reject("unknown member status '" + statusName + "'"));
        List<FunctionEntry> functions = new ArrayList<>();
        for (JsonNode f : fields.optionalArray(r, "fns")) {
            if (!f.isObject()) {
                throw fields.reject("functions must be objects");
            }
            ObjectNode fn = (ObjectNode) f;
            String description = fields.optionalString(fn, "desc");
            JsonNode idempotent = fn.get("idem");
            if (idempotent != null && !idempotent.isNull() && !idempotent.isBoolean()) {
                throw fields.reject("field 'idem' must be a boolean");
            }
            functions.add(new FunctionEntry(fields.requireString(fn, "name"), fields.requireString(fn, "ver"),
                    new TreeSet<>(fields.optionalStringArray(fn, "res")), description == null ? "" : description,
                    idempotent != null && idempotent.booleanValue()));
        }
        MemberInfo info = new MemberInfo(fields.requireString(r, "addr"), fields.optionalString(r, "client"),
                fields.optionalString(r, "mgmt"), new TreeSet<>(fields.optionalStringArray(r, "res")), functions);
        long incarnation = requireLong(r, "inc", fields);
        String id = fields.requireString(r, "id");
        if (incarnation < 0 || id.isEmpty()) {
            throw fields.reject("member record needs a non-empty 'id' and a non-negative 'inc'");
        }
        return new MemberRecord(id, incarnation, status, info);
    }

    private static List<Long> readLongs(List<JsonNode> nodes, String field, Fields fields) {
        List<Long> values = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw fields.reject("field '" + field + "' must hold integers");
            }
            values.add(node.longValue());
        }
        return values;
    }

    private static List<Integer> readInts(List<JsonNode> nodes, Fields fields) {
        List<Integer> values = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
                throw fields.reject("field 'want' must hold bucket numbers");
            }
            values.add(node.intValue());
        }
        return values;
    }

    private static long requireLong(ObjectNode object, String field, Fields fields) {
        JsonNode value = object.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw fields.reject("field '" + field + "' must be an integer");
        }
        return value.longValue();
    }

    private static long optionalLong(ObjectNode object, String field, Fields fields) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? 0 : requireLong(object, field, fields);
    }
}
