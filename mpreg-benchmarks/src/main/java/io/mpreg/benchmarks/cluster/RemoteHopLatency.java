package io.mpreg.benchmarks.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.mpreg.client.BlockingMpregClient;
import io.mpreg.client.MpregClient;
import io.mpreg.client.RpcCommand;
import io.mpreg.core.cluster.ClusterConfig;
import io.mpreg.core.fabric.ClusterSettings;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.function.FunctionInvoker;
import io.mpreg.core.node.MpregNode;
import io.mpreg.core.node.MpregNodeBuilder;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Mono;

/**
 * The latency a remote hop adds: a 3-stage pipeline request whose stages run
 * on three different nodes, reached through a fourth node without resources
 * (three remote calls per request), against the same pipeline on one node.
 * All nodes run in this JVM on loopback; one request in flight at a time.
 *
 * <p>Run from the repository root:
 * <pre>
 * ./mvnw -q -B -pl mpreg-benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "mpreg-benchmarks/target/classes:$(cat mpreg-benchmarks/target/cp.txt)" \
 *     io.mpreg.benchmarks.cluster.RemoteHopLatency 20000
 * </pre>
 */
public final class RemoteHopLatency {

    private static final List<String> STAGES = List.of("parse", "enrich", "score");

    private RemoteHopLatency() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        ClusterConfig config = ClusterConfig.defaults("bench");
        try (MpregNode single = stages(MpregNode.builder().name("single").host("127.0.0.1").port(0),
                STAGES.toArray(String[]::new)).start();
             MpregNode router = clustered("router", config, null).start();
             MpregNode a = stages(clustered("a", config, router.url()), STAGES.get(0)).start();
             MpregNode b = stages(clustered("b", config, router.url()), STAGES.get(1)).start();
             MpregNode c = stages(clustered("c", config, router.url()), STAGES.get(2)).start();
             MpregClient toSingle = MpregClient.connect(single.url());
             MpregClient toRouter = MpregClient.connect(router.url())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (router.cluster().orElseThrow().view().liveMembers().size() < 4 || STAGES.stream()
                    .anyMatch(s -> router.cluster().orElseThrow().view().offers(s).isEmpty())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cluster did not form");
                }
                Thread.onSpinWait();
            }
            Histogram local = measure(toSingle.blocking(), requests);
            Histogram remote = measure(toRouter.blocking(), requests);
            report("one node (0 remote hops)", local);
            report("4 nodes (3 remote hops)", remote);
            double perHopP50 = (remote.getValueAtPercentile(50) - local.getValueAtPercentile(50)) / 3.0 / 1000.0;
            double perHopP99 = (remote.getValueAtPercentile(99) - local.getValueAtPercentile(99)) / 3.0 / 1000.0;
            System.out.printf("added per remote hop: p50 %.0f us, p99 %.0f us%n", perHopP50, perHopP99);
        }
    }

    private static MpregNodeBuilder clustered(String name, ClusterConfig config, String seed) {
        ClusterSettings.Builder settings = ClusterSettings.builder().protocol(config).clusterId("bench");
        if (seed != null) {
            settings.seeds(seed);
        }
        return MpregNode.builder().name(name).host("127.0.0.1").port(0).random(new Random(name.hashCode()))
                .cluster(settings.build());
    }

    private static MpregNodeBuilder stages(MpregNodeBuilder builder, String... stages) {
        for (String stage : stages) {
            FunctionInvoker increment = (args, kwargs) -> Mono.just(
                    tools.jackson.databind.node.IntNode.valueOf(args.get(0).intValue() + 1));
            builder.function(FunctionDescriptor.of(stage), increment);
        }
        return builder;
    }

    private static Histogram measure(BlockingMpregClient client, int requests) {
        List<RpcCommand> pipeline = List.of(
                RpcCommand.of("|p", STAGES.get(0), 1),
                RpcCommand.of("|e", STAGES.get(1), "|p"),
                RpcCommand.of("|s", STAGES.get(2), "|e"));
        for (int i = 0; i < requests / 4; i++) {
            client.request(pipeline);
        }
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            Object result = client.request(pipeline).get("|s");
            histogram.recordValue(System.nanoTime() - start);
            if (!Integer.valueOf(4).equals(result)) {
                throw new IllegalStateException("wrong result " + result);
            }
        }
        return histogram;
    }

    private static void report(String label, Histogram h) {
        System.out.printf("%-26s p50 %6.0f us  p99 %6.0f us  p99.9 %6.0f us  (%d requests)%n", label,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getTotalCount());
    }
}
