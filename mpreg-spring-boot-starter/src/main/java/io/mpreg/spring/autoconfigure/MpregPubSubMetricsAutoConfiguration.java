package io.mpreg.spring.autoconfigure;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.mpreg.core.node.MpregNode;
import io.mpreg.core.pubsub.PubSubExchange;
import io.mpreg.core.pubsub.PubSubStats;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters of the embedded node's pub/sub exchange, read from its
 * {@link PubSubStats} when scraped: counters {@code mpreg.pubsub.published},
 * {@code mpreg.pubsub.delivered}, {@code mpreg.pubsub.forwarded}, {@code mpreg.pubsub.dropped} and
 * {@code mpreg.pubsub.disconnects}; gauges {@code mpreg.pubsub.subscriptions},
 * {@code mpreg.pubsub.backlog.messages} and {@code mpreg.pubsub.backlog.size}
 * (bytes). No tags: topics are unbounded and never become tag values.
 */
@AutoConfiguration(after = MpregNodeAutoConfiguration.class,
        afterName = {"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, MpregNode.class})
@ConditionalOnBean({MeterRegistry.class, MpregNode.class})
public final class MpregPubSubMetricsAutoConfiguration {

    static final String PUBLISHED = "mpreg.pubsub.published";
    static final String DELIVERED = "mpreg.pubsub.delivered";
    static final String FORWARDED = "mpreg.pubsub.forwarded";
    static final String DROPPED = "mpreg.pubsub.dropped";
    static final String DISCONNECTS = "mpreg.pubsub.disconnects";
    static final String SUBSCRIPTIONS = "mpreg.pubsub.subscriptions";
    static final String BACKLOG_MESSAGES = "mpreg.pubsub.backlog.messages";
    static final String BACKLOG_SIZE = "mpreg.pubsub.backlog.size";

    @Bean
    @ConditionalOnMissingBean(name = "mpregPubSubMeterBinder")
    MeterBinder mpregPubSubMeterBinder(MpregNode node) {
        PubSubExchange exchange = node.pubSub();
        return registry -> {
            counter(registry, PUBLISHED, "Messages accepted for publishing (from clients, code and peers)",
                    exchange, PubSubStats::published);
            counter(registry, DELIVERED, "Notifications handed to subscribers", exchange, PubSubStats::delivered);
            counter(registry, FORWARDED, "Copies of published messages sent to peers with matching subscriptions",
                    exchange, PubSubStats::forwarded);
            counter(registry, DROPPED, "Notifications discarded by the slow-subscriber policy", exchange,
                    PubSubStats::dropped);
            counter(registry, DISCONNECTS, "Connections ended by the DISCONNECT slow-subscriber policy", exchange,
                    PubSubStats::disconnects);
            gauge(registry, SUBSCRIPTIONS, "Live subscriptions", null, exchange, PubSubStats::subscriptions);
            gauge(registry, BACKLOG_MESSAGES, "Messages retained in the backlog", null, exchange,
                    PubSubStats::backlogMessages);
            gauge(registry, BACKLOG_SIZE, "Approximate size of the messages retained in the backlog",
                    BaseUnits.BYTES, exchange, PubSubStats::backlogBytes);
        };
    }

    private static void counter(MeterRegistry registry, String name, String description, PubSubExchange exchange,
            ToDoubleFunction<PubSubStats> value) {
        FunctionCounter.builder(name, exchange, source -> value.applyAsDouble(source.stats()))
                .description(description)
                .register(registry);
    }

    private static void gauge(MeterRegistry registry, String name, String description, @Nullable String baseUnit,
            PubSubExchange exchange, ToDoubleFunction<PubSubStats> value) {
        Gauge.builder(name, exchange, source -> value.applyAsDouble(source.stats()))
                .description(description)
                .baseUnit(baseUnit)
                .register(registry);
    }
}
