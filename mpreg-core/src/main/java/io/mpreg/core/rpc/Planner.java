package io.mpreg.core.rpc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.wire.CommandSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plans a request: finds the references between its commands, rejects
 * duplicate names and cycles before anything runs, and orders the commands.
 *
 * <p>Linear in the size of the request: one walk over the arguments, then
 * Kahn's algorithm over the reference graph.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * Plans the given commands.
     *
     * @throws MpregException {@link ErrorKind#DUPLICATE_NAME} naming the shared names, or
     *                        {@link ErrorKind#CYCLE} naming the commands on a cycle
     */
    @SuppressWarnings("unchecked")
    public static RequestPlan plan(List<CommandSpec> commands) {
        int n = commands.size();
        Map<String, Integer> indexByName = indexNames(commands);
        ReferenceCompiler compiler = new ReferenceCompiler(indexByName);
        int[][] dependencies = new int[n][];
        ArgumentTemplate[][] argTemplates = new ArgumentTemplate[n][];
        Map<String, ArgumentTemplate>[] kwargTemplates = new Map[n];
        int[] dependentCounts = new int[n];
        // seenBy[j] == i + 1 once command i is known to depend on j: distinct edges without a set per command.
        int[] seenBy = new int[n];
        int[] found = new int[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            CommandSpec command = commands.get(i);
            int owner = i + 1;
            int[] count = {0};
            IntConsumer record = target -> {
                if (seenBy[target] != owner) {
                    seenBy[target] = owner;
                    found[count[0]++] = target;
                }
            };
            ArgumentTemplate[] args = new ArgumentTemplate[command.args().size()];
            for (int a = 0; a < args.length; a++) {
                args[a] = compiler.compile(command.args().get(a), record);
            }
            Map<String, ArgumentTemplate> kwargs = new LinkedHashMap<>(command.kwargs().size() * 2);
            for (Map.Entry<String, JsonNode> kwarg : command.kwargs().entrySet()) {
                kwargs.put(kwarg.getKey(), compiler.compile(kwarg.getValue(), record));
            }
            argTemplates[i] = args;
            kwargTemplates[i] = kwargs;
            dependencies[i] = Arrays.copyOf(found, count[0]);
            for (int target : dependencies[i]) {
                dependentCounts[target]++;
            }
        }
        int[][] dependents = invert(dependencies, dependentCounts);
        int[] order = topologicalOrder(commands, dependencies, dependents);
        int sinkCount = 0;
        int[] sinks = new int[n];
        for (int i = 0; i < n; i++) {
            if (dependents[i].length == 0) {
                sinks[sinkCount++] = i;
            }
        }
        return new RequestPlan(commands, dependencies, dependents, order, Arrays.copyOf(sinks, sinkCount),
                argTemplates, kwargTemplates);
    }

    private static Map<String, Integer> indexNames(List<CommandSpec> commands) {
        Map<String, Integer> indexByName = new HashMap<>(commands.size() * 2);
        Set<String> duplicates = new LinkedHashSet<>();
        for (int i = 0; i < commands.size(); i++) {
            String name = commands.get(i).name();
            if (indexByName.putIfAbsent(name, i) != null) {
                duplicates.add(name);
            }
        }
        if (!duplicates.isEmpty()) {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            ArrayNode names = details.putArray("names");
            duplicates.forEach(names::add);
            throw MpregException.of(ErrorKind.DUPLICATE_NAME,
                    "command names must be unique within a request; repeated: " + duplicates, details);
        }
        return indexByName;
    }

    private static int[][] invert(int[][] dependencies, int[] dependentCounts) {
        int n = dependencies.length;
        int[][] dependents = new int[n][];
        for (int i = 0; i < n; i++) {
            dependents[i] = new int[dependentCounts[i]];
        }
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) {
            for (int target : dependencies[i]) {
                dependents[target][filled[target]++] = i;
            }
        }
        return dependents;
    }

    /** Kahn's algorithm; commands left over lie on or behind a cycle, which is then found and reported. */
    private static int[] topologicalOrder(List<CommandSpec> commands, int[][] dependencies, int[][] dependents) {
        int n = dependencies.length;
        int[] waitingFor = new int[n];
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            waitingFor[i] = dependencies[i].length;
            if (waitingFor[i] == 0) {
                order[tail++] = i;
            }
        }
        while (head < tail) {
            int done = order[head++];
            for (int dependent : dependents[done]) {
                if (--waitingFor[dependent] == 0) {
                    order[tail++] = dependent;
                }
            }
        }
        if (tail < n) {
            throw cycle(commands, dependencies, waitingFor);
        }
        return order;
    }

    /**
     * Every command still waiting references at least one other waiting command,
     * so following such references from any of them must come back to a command
     * already passed: the commands from there on form a cycle.
     */
    private static MpregException cycle(List<CommandSpec> commands, int[][] dependencies, int[] waitingFor) {
        int n = dependencies.length;
        int[] positionOnPath = new int[n];
        Arrays.fill(positionOnPath, -1);
        List<Integer> path = new ArrayList<>();
        int current = 0;
        while (waitingFor[current] == 0) {
            current++;
        }
        while (positionOnPath[current] < 0) {
            positionOnPath[current] = path.size();
            path.add(current);
            for (int target : dependencies[current]) {
                if (waitingFor[target] > 0) {
                    current = target;
                    break;
                }
            }
        }
        List<Integer> cycle = path.subList(positionOnPath[current], path.size());
        List<String> names = new ArrayList<>(cycle.size());
        for (int index : cycle) {
            names.add(commands.get(index).name());
        }
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        ArrayNode listed = details.putArray("commands");
        names.forEach(listed::add);
        String loop = String.join(" -> ", names) + " -> " + names.get(0);
        return MpregException.of(ErrorKind.CYCLE,
                "command references form a cycle: " + loop + " (each references the next)", details);
    }
}
