package io.mpreg.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.mpreg.core.rpc.Planner;
import io.mpreg.core.rpc.RequestPlan;
import io.mpreg.core.wire.CommandSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Planning a request of {@code size} commands shaped as a chain (each command
 * references the one before) or a wide fan-in (one command references all
 * others). Target: under 1 ms for 1,000 commands.
 *
 * <p>Run: {@code ./mvnw -q -pl mpreg-benchmarks -am package -DskipTests &&
 * java -jar mpreg-benchmarks/target/benchmarks.jar PlannerBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlannerBenchmark {

    @Param({"1000"})
    int size;

    @Param({"chain", "fanIn"})
    String shape;

    private List<CommandSpec> commands = List.of();

    @Setup
    public void buildRequest() {
        commands = shape.equals("chain") ? chain(size) : fanIn(size);
    }

    @Benchmark
    public RequestPlan plan() {
        return Planner.plan(commands);
    }

    static List<CommandSpec> chain(int size) {
        List<CommandSpec> commands = new ArrayList<>(size);
        commands.add(command("c0", List.of(StringNode.valueOf("start"))));
        for (int i = 1; i < size; i++) {
            commands.add(command("c" + i, List.of(StringNode.valueOf("c" + (i - 1)), StringNode.valueOf("literal"))));
        }
        return commands;
    }

    static List<CommandSpec> fanIn(int size) {
        List<CommandSpec> commands = new ArrayList<>(size);
        List<JsonNode> everyOther = new ArrayList<>(size - 1);
        for (int i = 0; i < size - 1; i++) {
            commands.add(command("c" + i, List.of(StringNode.valueOf("value " + i))));
            everyOther.add(StringNode.valueOf("c" + i));
        }
        commands.add(command("sink", everyOther));
        return commands;
    }

    private static CommandSpec command(String name, List<JsonNode> args) {
        return new CommandSpec(name, "echos", args, Map.of(), List.of());
    }
}
