package io.mpreg.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mpreg.core.cluster.RoutingPolicy;
import io.mpreg.core.fabric.ClusterSettings;
import io.mpreg.core.node.MpregNode;
import io.mpreg.spring.MpregFunction;
import io.mpreg.spring.actuate.MpregEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** The node's cluster from the properties, its health, its meters and the {@code mpreg} endpoint. */
class MpregClusterAutoConfigurationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    MpregNodeAutoConfiguration.class, MpregHealthAutoConfiguration.class,
                    MpregMetricsAutoConfiguration.class, MpregEndpointAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withUserConfiguration(Functions.class)
            .withPropertyValues("mpreg.node.host=127.0.0.1", "mpreg.node.port=0", "mpreg.node.name=solo",
                    "mpreg.cluster.id=ops", "management.endpoints.web.exposure.include=mpreg");

    @Test
    void clusterPropertiesReachTheNode() {
        runner.withPropertyValues("mpreg.cluster.seeds=ws://127.0.0.1:1/mpreg",
                        "mpreg.cluster.probe.interval=400ms", "mpreg.cluster.probe.timeout=200ms",
                        "mpreg.cluster.routing.strategy=least-loaded",
                        "mpreg.cluster.routing.prefer-local=false")
                .run(context -> {
                    ClusterSettings cluster = context.getBean(MpregNode.class).config().cluster();
                    assertThat(cluster.enabled()).isTrue();
                    assertThat(cluster.clusterId()).isEqualTo("ops");
                    assertThat(cluster.seeds()).containsExactly("ws://127.0.0.1:1/mpreg");
                    assertThat(cluster.protocol().probeInterval()).isEqualTo(Duration.ofMillis(400));
                    assertThat(cluster.routing())
                            .isEqualTo(new RoutingPolicy(RoutingPolicy.Strategy.LEAST_LOADED, false));
                });
    }

    @Test
    void aNodeWithItsOwnListenerJoinsAtOnceAndReportsItsClusterHealthy() {
        runner.run(context -> await().atMost(WAIT).untilAsserted(() -> {
            Health health = context.getBean("mpregClusterHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("cluster", "ops").containsEntry("node", "solo")
                    .containsEntry("alive", 1).containsEntry("suspect", 0).containsEntry("dead", 0)
                    .containsEntry("quorum", 1);
        }));
    }

    @Test
    void aNodeCutOffFromItsQuorumIsOutOfService() {
        runner.withPropertyValues("mpreg.cluster.quorum=2").run(context -> {
            HealthIndicator cluster = context.getBean("mpregClusterHealthIndicator", HealthIndicator.class);
            await().atMost(WAIT).until(() -> cluster.health().getDetails().get("alive").equals(1));
            assertThat(cluster.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        });
    }

    @Test
    void theEndpointListsTheNodeItsMembersAndTheCatalog() {
        runner.run(context -> {
            MpregEndpoint endpoint = context.getBean(MpregEndpoint.class);
            await().atMost(WAIT).until(() -> endpoint.cluster().path("members").size() == 1
                    && endpoint.cluster().path("functions").findValuesAsString("name").contains("shout"));
            JsonNode cluster = endpoint.cluster();
            assertThat(cluster.path("clustered").asBoolean()).isTrue();
            assertThat(cluster.at("/self/id").asString()).isEqualTo("solo");
            assertThat(cluster.at("/self/cluster").asString()).isEqualTo("ops");
            JsonNode member = cluster.path("members").get(0);
            assertThat(member.path("status").asString()).isEqualTo("alive");
            assertThat(member.path("url").asString()).startsWith("ws://127.0.0.1:");
            assertThat(member.has("load")).isTrue();
            assertThat(member.has("lastSeenMillisAgo")).isTrue();
            assertThat(cluster.at("/stats/members/alive").asInt()).isEqualTo(1);
            assertThat(cluster.at("/stats/remoteCalls").isObject()).isTrue();
        });
    }

    @Test
    void theEndpointIsAbsentUnlessExposed() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(context).doesNotHaveBean(MpregEndpoint.class));
    }

    @Test
    void clusterMetersCountMembersByStateGossipProbesAndRemoteCallsByOutcome() {
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            await().atMost(WAIT).until(() -> registry.get(ClusterMeterBinder.MEMBERS).tag("state", "alive")
                    .gauge().value() == 1.0);
            assertThat(registry.get(ClusterMeterBinder.MEMBERS).gauges()).hasSize(4);
            assertThat(registry.get(ClusterMeterBinder.GOSSIP_MESSAGES).tag("direction", "sent")
                    .functionCounter().count()).isGreaterThanOrEqualTo(0);
            assertThat(registry.get(ClusterMeterBinder.GOSSIP_BYTES).functionCounters()).hasSize(2);
            assertThat(registry.get(ClusterMeterBinder.PROBE_RTT).timeGauges()).hasSize(3);
            assertThat(registry.get(ClusterMeterBinder.REMOTE_CALLS).tag("outcome", "node_lost")
                    .functionCounter().count()).isZero();
            assertThat(registry.get(ClusterMeterBinder.REMOTE_CALLS).functionCounters())
                    .hasSize(ClusterMeterBinder.outcomes().size());
        });
    }

    @Test
    void aNodeWithoutClusterIdOrSeedsRunsAlone() {
        runner.withPropertyValues("mpreg.cluster.id=").run(context -> {
            assertThat(context.getBean(MpregNode.class).cluster()).isEmpty();
            assertThat(context.getBean("mpregClusterHealthIndicator", HealthIndicator.class).health().getDetails())
                    .containsEntry("clustered", false);
            assertThat(context.getBean(MpregEndpoint.class).cluster().path("clustered").asBoolean()).isFalse();
            assertThat(context.getBean(MeterRegistry.class).find(ClusterMeterBinder.MEMBERS).meters()).isEmpty();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Functions {

        @Bean
        Shouter shouter() {
            return new Shouter();
        }
    }

    static class Shouter {

        @MpregFunction
        public String shout(String text) {
            return text.toUpperCase(java.util.Locale.ROOT);
        }
    }
}
