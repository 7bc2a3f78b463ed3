package io.mpreg.benchmarks.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mpreg.core.cluster.ClusterConfig;
import io.mpreg.core.cluster.ClusterMessageCodec;
import io.mpreg.core.cluster.ClusterNode;
import io.mpreg.core.cluster.FunctionEntry;
import io.mpreg.core.cluster.MemberStatus;
import io.mpreg.core.cluster.sim.NetworkConditions;
import io.mpreg.core.cluster.sim.SimulatedCluster;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the cluster protocol on the deterministic simulated network at scale
 * and reports, for each cluster size: the simulated time until 99% of nodes
 * know a newly registered function, the time until 99% hold a killed node
 * dead, and the gossip bytes (real JSON frame lengths) per node per second,
 * at rest and while those two events spread.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -q -B -pl mpreg-benchmarks -am package -DskipTests
 * ./mvnw -q -B -pl mpreg-benchmarks dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx6g -cp "mpreg-benchmarks/target/classes:$(cat mpreg-benchmarks/target/cp.txt)" \
 *     io.mpreg.benchmarks.cluster.GossipSimulation 1000 10000
 * </pre>
 * Arguments: cluster sizes (default 1000 10000); {@code -Dseed=N} and {@code -Dloss=0.0} tune the run.
 */
public final class GossipSimulation {

    private static final String NEW_FUNCTION = "freshly-registered";
    private static final Duration REST = Duration.ofSeconds(10);
    private static final Duration LIMIT = Duration.ofSeconds(180);

    private GossipSimulation() {
    }

    /** Runs one simulation per cluster size given (default 1000 and 10000). */
    public static void main(String[] args) {
        long seed = Long.getLong("seed", 20261121L);
        double loss = Double.parseDouble(System.getProperty("loss", "0.0"));
        int[] sizes = args.length == 0 ? new int[] {1000, 10000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("%-7s %-6s %-13s %-13s %-15s %-15s %-10s %s%n", "nodes", "loss", "fn-99%-s", "dead-99%-s",
                "rest-B/node/s", "event-B/node/s", "wall-s", "retransmits");
        for (int size : sizes) {
            System.out.println(run(size, seed, loss));
        }
    }

    static String run(int size, long seed, double loss) {
        long wallStart = System.nanoTime();
        ClusterConfig config = ClusterConfig.defaults("sim");
        long[] learnedAt = new long[size];
        long[] deadAt = new long[size];
        Arrays.fill(learnedAt, -1);
        Arrays.fill(deadAt, -1);
        int origin = 1;
        int victim = 2;
        SimulatedCluster cluster = new SimulatedCluster(seed, NetworkConditions.LAN.withLoss(loss));
        ClusterMessageCodec codec = new ClusterMessageCodec(JsonMapper.builder().build());
        cluster.listeners(id -> {
            int index = Integer.parseInt(id.substring("node-".length()));
            return (previous, current) -> {
                if (current.id().equals(SimulatedCluster.idOf(origin)) && learnedAt[index] < 0
                        && current.info().functions().stream().anyMatch(f -> f.name().equals(NEW_FUNCTION))) {
                    learnedAt[index] = cluster.clock().nanoTime();
                }
                if (current.id().equals(SimulatedCluster.idOf(victim)) && deadAt[index] < 0
                        && current.status() == MemberStatus.DEAD) {
                    deadAt[index] = cluster.clock().nanoTime();
                }
            };
        });
        List<ClusterNode> nodes = cluster.formCluster(size, config,
                i -> List.of(FunctionEntry.of("fn-" + (i % 64), "1.0.0")));
        cluster.network().setSizer(message -> codec.encode(message).getBytes(StandardCharsets.UTF_8).length);
        cluster.runFor(Duration.ofSeconds(3));

        long restBytes = cluster.network().bytesSent();
        cluster.runFor(REST);
        double restRate = (cluster.network().bytesSent() - restBytes) / (double) size / REST.toSeconds();

        long eventBytes = cluster.network().bytesSent();
        long eventStart = cluster.clock().nanoTime();
        nodes.get(origin).registerFunction(FunctionEntry.of(NEW_FUNCTION, "1.0.0"));
        learnedAt[origin] = eventStart;
        cluster.runUntil(() -> reached(learnedAt, 0.99, -1), LIMIT);
        double functionSeconds = percentileSeconds(learnedAt, eventStart, 0.99, -1);

        long killedAt = cluster.clock().nanoTime();
        cluster.kill(SimulatedCluster.idOf(victim));
        cluster.runUntil(() -> reached(deadAt, 0.99, victim), LIMIT);
        double deadSeconds = percentileSeconds(deadAt, killedAt, 0.99, victim);
        double eventRate = (cluster.network().bytesSent() - eventBytes) / (double) size
                / ((cluster.clock().nanoTime() - eventStart) / 1e9);

        double wall = (System.nanoTime() - wallStart) / 1e9;
        return String.format("%-7d %-6.2f %-13.2f %-13.2f %-15.0f %-15.0f %-10.1f %d", size, loss, functionSeconds,
                deadSeconds, restRate, eventRate, wall, config.retransmitLimit(size));
    }

    private static boolean reached(long[] times, double fraction, int excluded) {
        int count = 0;
        for (int i = 0; i < times.length; i++) {
            if (i != excluded && times[i] >= 0) {
                count++;
            }
        }
        return count >= Math.ceil(fraction * (times.length - (excluded >= 0 ? 1 : 0)));
    }

    private static double percentileSeconds(long[] times, long start, double fraction, int excluded) {
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            if (i != excluded && times[i] >= 0) {
                seen.add(times[i] - start);
            }
        }
        int needed = (int) Math.ceil(fraction * (times.length - (excluded >= 0 ? 1 : 0)));
        if (seen.size() < needed) {
            return Double.NaN;
        }
        seen.sort(null);
        return seen.get(needed - 1) / 1e9;
    }
}
