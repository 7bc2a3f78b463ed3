package io.mpreg.core.rpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mpreg.core.wire.CommandSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds commands for tests from JSON text. */
final class Commands {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Commands() {
    }

    static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    /** A command whose args are the elements of a JSON array, without kwargs or locs. */
    static CommandSpec command(String name, String fun, String argsJson) {
        return command(name, fun, argsJson, "{}");
    }

    static CommandSpec command(String name, String fun, String argsJson, String kwargsJson) {
        List<JsonNode> args = new ArrayList<>();
        json(argsJson).forEach(args::add);
        Map<String, JsonNode> kwargs = new LinkedHashMap<>();
        json(kwargsJson).properties().forEach(e -> kwargs.put(e.getKey(), e.getValue()));
        return new CommandSpec(name, fun, args, kwargs, List.of());
    }
}
