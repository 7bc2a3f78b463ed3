package io.mpreg.core.rpc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.mpreg.core.wire.CommandSpec;
import tools.jackson.databind.JsonNode;

/**
 * A request whose references have been found and checked: the commands, what
 * each depends on, the sinks whose results form the reply, and an order in
 * which every command comes after the commands it references.
 *
 * <p>Immutable. Made by {@link Planner#plan}. Commands are addressed by their
 * position in the request internally; the public views use names.
 */
public final class RequestPlan {

    private final List<CommandSpec> commands;
    private final int[][] dependencies;
    private final int[][] dependents;
    private final int[] order;
    private final int[] sinks;
    private final ArgumentTemplate[][] argTemplates;
    private final Map<String, ArgumentTemplate>[] kwargTemplates;
    private final boolean[] hasReferences;

    RequestPlan(List<CommandSpec> commands, int[][] dependencies, int[][] dependents, int[] order, int[] sinks,
            ArgumentTemplate[][] argTemplates, Map<String, ArgumentTemplate>[] kwargTemplates) {
        this.commands = List.copyOf(commands);
        this.dependencies = dependencies;
        this.dependents = dependents;
        this.order = order;
        this.sinks = sinks;
        this.argTemplates = argTemplates;
        this.kwargTemplates = kwargTemplates;
        this.hasReferences = new boolean[commands.size()];
        for (int i = 0; i < hasReferences.length; i++) {
            hasReferences[i] = dependencies[i].length > 0;
        }
    }

    /** The commands, in request order. */
    public List<CommandSpec> commands() {
        return commands;
    }

    /** How many commands the request has. */
    public int size() {
        return commands.size();
    }

    /** For each command by name (in request order), the names of the commands it references. */
    public Map<String, List<String>> dependencies() {
        Map<String, List<String>> byName = new LinkedHashMap<>(commands.size() * 2);
        for (int i = 0; i < commands.size(); i++) {
            byName.put(commands.get(i).name(), names(dependencies[i]));
        }
        return Collections.unmodifiableMap(byName);
    }

    /** The names of the commands no other command references, in request order: their results form the reply. */
    public List<String> sinks() {
        return names(sinks);
    }

    /** All command names, each after every command it references. */
    public List<String> topologicalOrder() {
        return names(order);
    }

    int[] dependencyIndexes(int command) {
        return dependencies[command];
    }

    int[] dependentIndexes(int command) {
        return dependents[command];
    }

    int[] sinkIndexes() {
        return sinks;
    }

    /** Command {@code index} with every reference replaced by the referenced result. */
    CommandSpec resolve(int index, IntFunction<JsonNode> results) {
        CommandSpec command = commands.get(index);
        if (!hasReferences[index]) {
            return command;
        }
        ArgumentTemplate[] args = argTemplates[index];
        List<JsonNode> filledArgs = new ArrayList<>(args.length);
        for (ArgumentTemplate arg : args) {
            filledArgs.add(arg.fill(results, command.name()));
        }
        Map<String, JsonNode> filledKwargs = new LinkedHashMap<>(kwargTemplates[index].size() * 2);
        for (Map.Entry<String, ArgumentTemplate> kwarg : kwargTemplates[index].entrySet()) {
            filledKwargs.put(kwarg.getKey(), kwarg.getValue().fill(results, command.name()));
        }
        return command.withArguments(filledArgs, filledKwargs);
    }

    private List<String> names(int[] indexes) {
        List<String> names = new ArrayList<>(indexes.length);
        for (int index : indexes) {
            names.add(commands.get(index).name());
        }
        return Collections.unmodifiableList(names);
    }
}
