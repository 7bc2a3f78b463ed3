package io.mpreg.core.function;

import java.util.List;
import java.util.Map;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The functions every node offers: {@code echo(x)} returns its argument and
 * {@code echos(*xs)} returns the list of its arguments. They work on JSON
 * directly and never block, so they skip the blocking pool.
 */
public final class BuiltinFunctions {

    /** The name of the function returning its one argument. */
    public static final String ECHO = "echo";
    /** The name of the function returning the list of its arguments. */
    public static final String ECHOS = "echos";

    private BuiltinFunctions() {
    }

    /** Registers {@code echo} and {@code echos} in the registry. */
    public static void registerInto(FunctionRegistry registry) {
        registry.register(FunctionDescriptor.of(ECHO).withIdempotent(true)
                .withDescription("Returns its one argument."), BuiltinFunctions::echo);
        registry.register(FunctionDescriptor.of(ECHOS).withIdempotent(true)
                .withDescription("Returns the list of its positional arguments."), BuiltinFunctions::echos);
    }

    private static Mono<JsonNode> echo(List<JsonNode> args, Map<String, JsonNode> kwargs) {
        if (args.size() == 1 && kwargs.isEmpty()) {
            return Mono.just(args.get(0));
        }
        if (args.isEmpty() && kwargs.size() == 1 && kwargs.containsKey("x")) {
            return Mono.just(kwargs.get("x"));
        }
        return Mono.error(MpregException.of(ErrorKind.BAD_ARGUMENTS,
                "echo(x) takes exactly one argument but got " + args.size() + " positional and " + kwargs.size()
                        + " keyword arguments"));
    }

    private static Mono<JsonNode> echos(List<JsonNode> args, Map<String, JsonNode> kwargs) {
        if (!kwargs.isEmpty()) {
            return Mono.error(MpregException.of(ErrorKind.BAD_ARGUMENTS,
                    "echos(*xs) takes positional arguments only but got keyword arguments " + kwargs.keySet()));
        }
        ArrayNode all = JsonNodeFactory.instance.arrayNode(args.size());
        all.addAll(args);
        return Mono.just(all);
    }
}
