package io.mpreg.core.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.wire.CommandSpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Random requests: dataflow execution agrees with a plain sequential
 * evaluation, and cycles and duplicate names are always rejected.
 */
class PlannerProperties {

    private static final RequestContext CONTEXT = new RequestContext("p", Instant.EPOCH);

    /**
     * Two deterministic functions: {@code concat} joins the text of its arguments,
     * {@code wrap} returns {@code {"v": <concat>, "list": [<concat>]}} so that
     * dotted references have fields and list indexes to reach.
     */
    private static JsonNode apply(String fun, String name, List<JsonNode> args) {
        StringBuilder text = new StringBuilder(name).append('(');
        for (JsonNode arg : args) {
            text.append(arg.isString() ? arg.stringValue() : arg.toString()).append(',');
        }
        String joined = text.append(')').toString();
        if (fun.equals("concat")) {
            return StringNode.valueOf(joined);
        }
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode().put("v", joined);
        wrapped.putArray("list").add(joined);
        return wrapped;
    }

    /** Runs every command on a scheduler, so completions arrive concurrently and out of order. */
    private static final CommandRunner RUNNER = (command, context) ->
            Mono.fromCallable(() -> apply(command.fun(), command.name(), command.args()))
                    .subscribeOn(Schedulers.parallel());

    @Property(tries = 200)
    void dataflowExecutionEqualsSequentialEvaluation(@ForAll @IntRange(min = 1, max = 40) int size,
            @ForAll long seed) {
        Random random = new Random(seed);
        List<CommandSpec> commands = randomDag(size, random);

        Map<String, JsonNode> dataflow = new RequestExecutor(RUNNER).execute(Planner.plan(commands), CONTEXT)
                .block(Duration.ofSeconds(30));

        assertThat(dataflow).containsExactlyEntriesOf(sequentialEvaluation(commands));
    }

    @Property(tries = 200)
    void aRequestWithACycleIsAlwaysRejectedNamingACycle(@ForAll @IntRange(min = 1, max = 40) int size,
            @ForAll long seed) {
        Random random = new Random(seed);
        List<CommandSpec> commands = withCycle(randomDag(size, random), random);

        MpregException failure = catchThrowableOfType(MpregException.class, () -> Planner.plan(commands));

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(ErrorKind.CYCLE);
        List<String> cycle = new ArrayList<>();
        failure.details().get("commands").forEach(node -> cycle.add(node.stringValue()));
        Map<String, Set<String>> references = referencesByName(commands);
        for (int i = 0; i < cycle.size(); i++) {
            assertThat(references.get(cycle.get(i))).contains(cycle.get((i + 1) % cycle.size()));
        }
    }

    @Property(tries = 200)
    void duplicateNamesAreAlwaysRejected(@ForAll @IntRange(min = 1, max = 40) int size, @ForAll long seed) {
        Random random = new Random(seed);
        List<CommandSpec> commands = new ArrayList<>(randomDag(size, random));
        CommandSpec copied = commands.get(random.nextInt(commands.size()));
        commands.add(random.nextInt(commands.size() + 1), new CommandSpec(copied.name(), "concat", List.of(),
                Map.of(), List.of()));

        MpregException failure = catchThrowableOfType(MpregException.class, () -> Planner.plan(commands));

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(ErrorKind.DUPLICATE_NAME);
        assertThat(failure.details().get("names").toString()).contains("\"" + copied.name() + "\"");
    }

    /** Commands c0..c(n-1) where each references some earlier ones, then shuffled. */
    private static List<CommandSpec> randomDag(int size, Random random) {
        List<String> funs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            funs.add(random.nextBoolean() ? "concat" : "wrap");
        }
        List<CommandSpec> commands = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<JsonNode> args = new ArrayList<>();
            args.add(StringNode.valueOf("lit" + i));
            int references = i == 0 ? 0 : random.nextInt(Math.min(i, 4) + 1);
            for (int r = 0; r < references; r++) {
                int target = random.nextInt(i);
                args.add(reference("c" + target, funs.get(target), random));
            }
            commands.add(new CommandSpec("c" + i, funs.get(i), args, Map.of(), List.of()));
        }
        Collections.shuffle(commands, random);
        return commands;
    }

    /** A reference in one of its forms: whole, a field, a list element, or nested in a list. */
    private static JsonNode reference(String target, String targetFun, Random random) {
        if (targetFun.equals("wrap")) {
            return switch (random.nextInt(3)) {
                case 0 -> StringNode.valueOf(target + ".v");
                case 1 -> StringNode.valueOf(target + ".list.0");
                default -> StringNode.valueOf(target);
            };
        }
        if (random.nextBoolean()) {
            ArrayNode nested = JsonNodeFactory.instance.arrayNode();
            nested.add(StringNode.valueOf(target));
            return nested;
        }
        return StringNode.valueOf(target);
    }

    /** Adds a reference from a command to itself or a later one, and from that one back. */
    private static List<CommandSpec> withCycle(List<CommandSpec> commands, Random random) {
        int size = commands.size();
        int from = random.nextInt(size);
        int to = from + random.nextInt(size - from);
        String fromName = "c" + from;
        String toName = "c" + to;
        List<CommandSpec> result = new ArrayList<>();
        for (CommandSpec command : commands) {
            if (command.name().equals(fromName)) {
                List<JsonNode> args = new ArrayList<>(command.args());
                args.add(StringNode.valueOf(toName));
                command = command.withArguments(args, command.kwargs());
            }
            result.add(command);
        }
        // A back reference alone closes a cycle only if `to` already depends on `from`; make it so.
        if (from != to) {
            for (int i = 0; i < result.size(); i++) {
                CommandSpec command = result.get(i);
                if (command.name().equals(toName)) {
                    List<JsonNode> args = new ArrayList<>(command.args());
                    args.add(StringNode.valueOf(fromName));
                    result.set(i, command.withArguments(args, command.kwargs()));
                }
            }
        }
        return result;
    }

    /** The reference implementation: evaluate recursively with memoisation, in the simplest way. */
    private static Map<String, JsonNode> sequentialEvaluation(List<CommandSpec> commands) {
        Map<String, CommandSpec> byName = new HashMap<>();
        commands.forEach(c -> byName.put(c.name(), c));
        Map<String, JsonNode> results = new HashMap<>();
        Set<String> referenced = new HashSet<>();
        referencesByName(commands).values().forEach(referenced::addAll);
        Map<String, JsonNode> sinks = new LinkedHashMap<>();
        for (CommandSpec command : commands) {
            if (!referenced.contains(command.name())) {
                sinks.put(command.name(), evaluate(command.name(), byName, results));
            }
        }
        return sinks;
    }

    private static JsonNode evaluate(String name, Map<String, CommandSpec> byName, Map<String, JsonNode> results) {
        JsonNode known = results.get(name);
        if (known != null) {
            return known;
        }
        CommandSpec command = byName.get(name);
        List<JsonNode> args = new ArrayList<>();
        for (JsonNode arg : command.args()) {
            args.add(substitute(arg, byName, results));
        }
        JsonNode result = apply(command.fun(), name, args);
        results.put(name, result);
        return result;
    }

    private static JsonNode substitute(JsonNode arg, Map<String, CommandSpec> byName, Map<String, JsonNode> results) {
        if (arg.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            arg.forEach(element -> copy.add(substitute(element, byName, results)));
            return copy;
        }
        if (!arg.isString()) {
            return arg;
        }
        String[] parts = arg.stringValue().split("\\.");
        if (!byName.containsKey(parts[0])) {
            return arg;
        }
        JsonNode value = evaluate(parts[0], byName, results);
        for (int i = 1; i < parts.length; i++) {
            value = value.isArray() ? value.get(Integer.parseInt(parts[i])) : value.get(parts[i]);
        }
        return value;
    }

    private static Map<String, Set<String>> referencesByName(List<CommandSpec> commands) {
        Set<String> names = new HashSet<>();
        commands.forEach(c -> names.add(c.name()));
        Map<String, Set<String>> references = new HashMap<>();
        for (CommandSpec command : commands) {
            Set<String> found = new HashSet<>();
            command.args().forEach(arg -> collect(arg, names, found));
            references.put(command.name(), found);
        }
        return references;
    }

    private static void collect(JsonNode node, Set<String> names, Set<String> found) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, names, found));
        } else if (node.isString()) {
            String head = node.stringValue().split("\\.")[0];
            if (names.contains(head)) {
                found.add(head);
            }
        }
    }
}
