package io.mpreg.spring.autoconfigure;

import java.time.Duration;

import io.mpreg.client.MpregClient;
import io.mpreg.core.function.BlockingExecutor;
import io.mpreg.core.node.MpregNode;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/**
 * Actuator health of the embedded node ({@code mpregNode}), of its cluster
 * ({@code mpregCluster}: member counts, {@code OUT_OF_SERVICE} below
 * {@code mpreg.cluster.quorum}) and of the client bean ({@code mpregClient},
 * which round-trips an {@code echo} call).
 * Turn them off with {@code management.health.mpreg.enabled=false}.
 */
@AutoConfiguration(after = {MpregNodeAutoConfiguration.class, MpregClientAutoConfiguration.class})
@ConditionalOnClass({HealthIndicator.class, MpregNode.class})
@ConditionalOnEnabledHealthIndicator("mpreg")
@EnableConfigurationProperties(MpregClusterProperties.class)
public final class MpregHealthAutoConfiguration {

    /** How long the client's health check waits for its echo. */
    static final Duration CLIENT_PROBE_TIMEOUT = Duration.ofSeconds(3);

    private static final String PROBE = "health";

    @Bean
    @ConditionalOnBean(MpregNode.class)
    @ConditionalOnMissingBean(name = "mpregNodeHealthIndicator")
    HealthIndicator mpregNodeHealthIndicator(MpregNode node) {
        return () -> {
            BlockingExecutor.Stats pool = node.blockingExecutor().stats();
            Health.Builder health = Health.up()
                    .withDetail("name", node.config().name())
                    .withDetail("resources", node.config().resources())
                    .withDetail("functions", node.registry().descriptors().size())
                    .withDetail("blockingActive", pool.active())
                    .withDetail("blockingQueued", pool.queued())
                    .withDetail("blockingRejected", pool.rejected());
            if (node.config().listen()) {
                health.withDetail("url", node.url());
            }
            return health.build();
        };
    }

    @Bean
    @ConditionalOnBean(MpregNode.class)
    @ConditionalOnMissingBean(name = "mpregClusterHealthIndicator")
    HealthIndicator mpregClusterHealthIndicator(MpregNode node, MpregClusterProperties cluster) {
        return new ClusterHealthIndicator(node, ClusterPropertyMapper.quorum(cluster));
    }

    @Bean
    @ConditionalOnBean(MpregClient.class)
    @ConditionalOnMissingBean(name = "mpregClientHealthIndicator")
    ReactiveHealthIndicator mpregClientHealthIndicator(MpregClient client) {
        return () -> client.call("echo", String.class, PROBE)
                .timeout(CLIENT_PROBE_TIMEOUT)
                .map(echoed -> Health.up().build())
                .onErrorResume(failure -> Mono.just(Health.down().withDetail("error", String.valueOf(failure)).build()));
    }
}
