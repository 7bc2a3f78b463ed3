package io.mpreg.core.wire;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One named call inside an RPC request, as it travels on the wire.
 *
 * @param name   unique within its request; other commands reference it by this name
 * @param fun    the registered function to call
 * @param args   positional arguments (may hold references to other commands)
 * @param kwargs arguments bound by parameter name (may hold references)
 * @param locs   resource tags the executing node must all offer
 */
public record CommandSpec(String name, String fun, List<JsonNode> args, Map<String, JsonNode> kwargs, List<String> locs) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fun, "fun");
        args = List.copyOf(args);
        kwargs = Map.copyOf(kwargs);
        locs = List.copyOf(locs);
    }

    /** The same command with its arguments replaced, as after reference substitution. */
    public CommandSpec withArguments(List<JsonNode> newArgs, Map<String, JsonNode> newKwargs) {
        return new CommandSpec(name, fun, newArgs, newKwargs, locs);
    }

    /** Writes this command as one JSON object (the form of an element of {@code cmds}). */
    public void writeTo(JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("name", name);
        g.writeStringProperty("fun", fun);
        g.writeName("args");
        g.writeStartArray();
        for (JsonNode arg : args) {
            g.writePOJO(arg);
        }
        g.writeEndArray();
        g.writeName("kwargs");
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> kwarg : kwargs.entrySet()) {
            g.writeName(kwarg.getKey());
            g.writePOJO(kwarg.getValue());
        }
        g.writeEndObject();
        g.writeName("locs");
        g.writeStartArray();
        for (String loc : locs) {
            g.writeString(loc);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Reads one command object (an element of {@code cmds}), rejecting it with the field at fault. */
    public static CommandSpec decode(JsonNode raw, Fields fields) {
        if (!raw.isObject()) {
            throw fields.reject("every element of 'cmds' must be an object");
        }
        ObjectNode command = (ObjectNode) raw;
        return new CommandSpec(
                fields.requireString(command, "name"),
                fields.requireString(command, "fun"),
                fields.optionalArray(command, "args"),
                fields.optionalMap(command, "kwargs"),
                fields.optionalStringArray(command, "locs"));
    }
}
