package io.mpreg.core.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reply to an {@link RpcRequest}: either the sink commands' results by
 * name, or an error (never both).
 *
 * @param u     the id of the request this answers, or {@code null} if the request's id could not be read
 * @param r     the results of the sink commands, or {@code null} on failure
 * @param error the failure, or {@code null} on success
 */
public record RpcResponse(@Nullable String u, @Nullable Map<String, JsonNode> r, @Nullable ErrorBody error)
        implements WireMessage {

    /** The role of an RPC reply frame. */
    public static final String ROLE = "rpc-response";

    public RpcResponse {
        if ((r == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of r and error must be set");
        }
    }

    /** A successful reply. */
    public static RpcResponse success(String u, Map<String, JsonNode> results) {
        return new RpcResponse(Objects.requireNonNull(u, "u"), results, null);
    }

    /** A failed reply. */
    public static RpcResponse failure(@Nullable String u, ErrorBody error) {
        return new RpcResponse(u, null, Objects.requireNonNull(error, "error"));
    }

    @Override
    public String role() {
        return ROLE;
    }

    @Override
    public void writeTo(JsonGenerator g) {
        WireMessage.startFrame(g, ROLE, u);
        g.writeName("r");
        if (r == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> result : r.entrySet()) {
                g.writeName(result.getKey());
                g.writePOJO(result.getValue());
            }
            g.writeEndObject();
        }
        g.writeName("error");
        if (error == null) {
            g.writeNull();
        } else {
            error.writeTo(g);
        }
        g.writeEndObject();
    }

    static RpcResponse decode(ObjectNode frame, Fields fields) {
        ObjectNode error = fields.optionalObject(frame, "error");
        if (error != null) {
            return failure(fields.u(), ErrorBody.decode(error, fields));
        }
        ObjectNode results = fields.requireObject(frame, "r");
        Map<String, JsonNode> byName = new LinkedHashMap<>(results.size() * 2);
        for (Map.Entry<String, JsonNode> entry : results.properties()) {
            byName.put(entry.getKey(), entry.getValue());
        }
        return success(fields.requireU(), byName);
    }
}
