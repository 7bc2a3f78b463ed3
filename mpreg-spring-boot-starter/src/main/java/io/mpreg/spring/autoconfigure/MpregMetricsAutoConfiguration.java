package io.mpreg.spring.autoconfigure;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.node.MpregNode;
import io.mpreg.core.rpc.CommandObserver;
import io.mpreg.core.transport.TransportStats;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters of MPREG: {@code mpreg.rpc.server.requests} (each command
 * this node runs) and {@code mpreg.rpc.client.requests} (each call through the
 * client bean), timers tagged {@code function} and {@code outcome};
 * {@code mpreg.connections}, the client connections open now; and
 * {@code mpreg.frames.oversize}, connections closed for an oversize frame;
 * and the cluster's meters ({@code mpreg.cluster.*}, see {@link ClusterMeterBinder}).
 */
@AutoConfiguration(before = {MpregNodeAutoConfiguration.class, MpregClientAutoConfiguration.class},
        afterName = {"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, MpregNode.class})
@ConditionalOnBean(MeterRegistry.class)
public final class MpregMetricsAutoConfiguration {

    static final String SERVER_REQUESTS = "mpreg.rpc.server.requests";
    static final String CLIENT_REQUESTS = "mpreg.rpc.client.requests";
    static final String CONNECTIONS = "mpreg.connections";
    static final String OVERSIZE = "mpreg.frames.oversize";

    /** The function tag of a command whose function is not offered: its name is the caller's input, unbounded. */
    static final String UNKNOWN_FUNCTION = "(unknown)";

    private static final TransportStats NO_CONNECTIONS = new TransportStats(0, 0, 0, 0, 0, 0);

    @Bean
    @ConditionalOnMissingBean
    CommandObserver mpregServerRequestsObserver(MeterRegistry registry) {
        return (command, context) -> {
            Timer.Sample sample = Timer.start(registry);
            return outcome -> sample.stop(Timer.builder(SERVER_REQUESTS)
                    .description("Commands run by this node")
                    .tag("function", outcome.error() == ErrorKind.FUNCTION_NOT_FOUND ? UNKNOWN_FUNCTION : command.fun())
                    .tag("outcome", outcome.label())
                    .register(registry));
        };
    }

    @Bean
    @ConditionalOnMissingBean
    ClientCallObserver mpregClientRequestsObserver(MeterRegistry registry) {
        return function -> {
            Timer.Sample sample = Timer.start(registry);
            return outcome -> sample.stop(Timer.builder(CLIENT_REQUESTS)
                    .description("Calls made through the MpregClient bean")
                    .tag("function", function)
                    .tag("outcome", outcome.label())
                    .register(registry));
        };
    }

    @Bean
    @ConditionalOnMissingBean(name = "mpregConnectionsMeterBinder")
    MeterBinder mpregConnectionsMeterBinder(ObjectProvider<MpregNode> node) {
        return registry -> {
            Gauge.builder(CONNECTIONS, () -> transportStats(node.getIfUnique()).openConnections())
                    .description("Client connections open now")
                    .register(registry);
            FunctionCounter.builder(OVERSIZE, node, ignored -> transportStats(node.getIfUnique()).oversizeCloses())
                    .description("Connections closed with status 1009 because a frame exceeded the size limit")
                    .register(registry);
        };
    }

    @Bean
    @ConditionalOnMissingBean(name = "mpregClusterMeterBinder")
    MeterBinder mpregClusterMeterBinder(ObjectProvider<MpregNode> node) {
        return registry -> node.ifAvailable(available -> available.cluster()
                .ifPresent(cluster -> new ClusterMeterBinder(cluster).bindTo(registry)));
    }

    private static TransportStats transportStats(@Nullable MpregNode node) {
        return node == null ? NO_CONNECTIONS : node.transportStats();
    }
}
