package io.mpreg.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client's request: several named commands resolved together.
 *
 * @param u              the request id, echoed in the reply
 * @param cmds           the commands, in the order the client sent them
 * @param timeoutSeconds the client's bound on the whole request, or {@code null} for the node's default
 */
public record RpcRequest(String u, List<CommandSpec> cmds, @Nullable Double timeoutSeconds) implements WireMessage {

    /** The role of an RPC request frame. */
    public static final String ROLE = "rpc";

    public RpcRequest {
        Objects.requireNonNull(u, "u");
        cmds = List.copyOf(cmds);
    }

    @Override
    public String role() {
        return ROLE;
    }

    @Override
    public void writeTo(JsonGenerator g) {
        WireMessage.startFrame(g, ROLE, u);
        g.writeName("cmds");
        g.writeStartArray();
        for (CommandSpec cmd : cmds) {
            cmd.writeTo(g);
        }
        g.writeEndArray();
        if (timeoutSeconds != null) {
            g.writeNumberProperty("timeout", timeoutSeconds);
        }
        g.writeEndObject();
    }

    static RpcRequest decode(ObjectNode frame, Fields fields) {
        String u = fields.requireU();
        List<JsonNode> rawCommands = fields.requireArray(frame, "cmds");
        List<CommandSpec> commands = new ArrayList<>(rawCommands.size());
        for (JsonNode raw : rawCommands) {
            commands.add(CommandSpec.decode(raw, fields));
        }
        Double timeout = fields.optionalNumber(frame, "timeout");
        if (timeout != null && !(timeout > 0) ) {
            throw fields.reject("field 'timeout' must be a positive number of seconds");
        }
        return new RpcRequest(u, commands, timeout);
    }
}
