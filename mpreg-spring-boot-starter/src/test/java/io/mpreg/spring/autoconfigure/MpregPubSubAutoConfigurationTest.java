package io.mpreg.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mpreg.client.MpregClient;
import io.mpreg.core.node.MpregNode;
import io.mpreg.core.pubsub.PubSubExchange;
import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.spring.MpregSubscriber;
import io.mpreg.spring.actuate.MpregEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;

/** {@code @MpregSubscriber} methods, the pub/sub meters and the subscriptions section of the endpoint. */
class MpregPubSubAutoConfigurationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    MpregNodeAutoConfiguration.class, MpregClientAutoConfiguration.class,
                    MpregPubSubAutoConfiguration.class, MpregPubSubMetricsAutoConfiguration.class,
                    MpregEndpointAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(OrderListener.class)
            .withPropertyValues("mpreg.node.host=127.0.0.1", "mpreg.node.port=0", "mpreg.node.name=pubsub-node",
                    "management.endpoints.web.exposure.include=mpreg");

    record Order(String id, int quantity) {
    }

    static class OrderListener {
        final List<Order> orders = new CopyOnWriteArrayList<>();
        final List<PubSubMessage> messages = new CopyOnWriteArrayList<>();

        @MpregSubscriber(patterns = "orders.#")
        void onOrder(Order order) {
            orders.add(order);
        }

        @MpregSubscriber(patterns = {"orders.*.created", "audit.#"})
        void onMessage(PubSubMessage message) {
            messages.add(message);
        }
    }

    @Test
    void subscriberMethodsOnTheEmbeddedNodeReceiveConvertedPayloadsOrWholeMessages() {
        runner.run(context -> {
            OrderListener listener = context.getBean(OrderListener.class);
            MpregClient client = context.getBean(MpregClient.class);

            client.publish("orders.eu.created", Map.of("id", "o-1", "quantity", 3)).block(WAIT);
            client.publish("orders.eu.shipped", Map.of("id", "o-1", "quantity", 3)).block(WAIT);
            client.publish("audit.login", "alice").block(WAIT);

            await().atMost(WAIT).until(() -> listener.orders.size() == 2 && listener.messages.size() == 2);
            assertThat(listener.orders).containsExactly(new Order("o-1", 3), new Order("o-1", 3));
            assertThat(listener.messages).extracting(PubSubMessage::topic)
                    .containsExactly("orders.eu.created", "audit.login");
        });
    }

    @Test
    void aPayloadThatCannotBeConvertedIsSkippedAndLaterMessagesStillArrive() {
        runner.run(context -> {
            OrderListener listener = context.getBean(OrderListener.class);
            PubSubExchange exchange = context.getBean(MpregNode.class).pubSub();
            MpregClient client = context.getBean(MpregClient.class);

            client.publish("orders.bad", "not an order").block(WAIT);
            client.publish("orders.good", Map.of("id", "o-2", "quantity", 1)).block(WAIT);

            await().atMost(WAIT).until(() -> listener.orders.size() == 1);
            assertThat(listener.orders).containsExactly(new Order("o-2", 1));
            assertThat(exchange.stats().subscriptions()).isEqualTo(2);
        });
    }

    @Test
    void withoutAnEmbeddedNodeSubscribersGoThroughTheClient() {
        try (MpregNode remote = MpregNode.builder().host("127.0.0.1").port(0).start()) {
            runner.withPropertyValues("mpreg.node.enabled=false", "mpreg.client.urls=" + remote.url())
                    .run(context -> {
                        OrderListener listener = context.getBean(OrderListener.class);
                        await().atMost(WAIT).until(() -> remote.pubSub().stats().subscriptions() == 2);

                        try (MpregClient publisher = MpregClient.connect(remote.url())) {
                            publisher.publish("orders.us.created", Map.of("id", "o-3", "quantity", 7)).block(WAIT);
                        }

                        await().atMost(WAIT).until(() -> listener.orders.size() == 1 && listener.messages.size() == 1);
                        assertThat(listener.orders).containsExactly(new Order("o-3", 7));
                    });
            await().atMost(WAIT).until(() -> remote.pubSub().stats().subscriptions() == 0);
        }
    }

    @Test
    void stoppingTheContextEndsTheSubscriptions() {
        runner.run(context -> {
            PubSubExchange exchange = context.getBean(MpregNode.class).pubSub();
            assertThat(exchange.stats().subscriptions()).isEqualTo(2);

            context.stop();

            assertThat(exchange.stats().subscriptions()).isZero();
        });
    }

    @Test
    void exchangeCountersAreMeters() {
        runner.run(context -> {
            MpregClient client = context.getBean(MpregClient.class);
            OrderListener listener = context.getBean(OrderListener.class);
            client.publish("orders.eu.created", Map.of("id", "o-1", "quantity", 1)).block(WAIT);
            await().atMost(WAIT).until(() -> listener.messages.size() == 1);

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(MpregPubSubMetricsAutoConfiguration.PUBLISHED).functionCounter().count())
                    .isEqualTo(1);
            assertThat(registry.get(MpregPubSubMetricsAutoConfiguration.DELIVERED).functionCounter().count())
                    .isEqualTo(2);
            assertThat(registry.get(MpregPubSubMetricsAutoConfiguration.FORWARDED).functionCounter().count())
                    .as("a node outside a cluster forwards nothing").isZero();
            assertThat(registry.get(MpregPubSubMetricsAutoConfiguration.DROPPED).functionCounter().count()).isZero();
            assertThat(registry.get(MpregPubSubMetricsAutoConfiguration.SUBSCRIPTIONS).gauge().value()).isEqualTo(2);
            assertThat(registry.get(MpregPubSubMetricsAutoConfiguration.BACKLOG_MESSAGES).gauge().value())
                    .isEqualTo(1);
            assertThat(registry.get(MpregPubSubMetricsAutoConfiguration.BACKLOG_SIZE).gauge().value()).isPositive();
        });
    }

    @Test
    void theEndpointListsTheNodesSubscriptions() {
        runner.run(context -> {
            JsonNode description = context.getBean(MpregEndpoint.class).cluster();

            JsonNode node = description.get("subscriptions").get("pubsub-node");
            assertThat(node.get("count").asInt()).isEqualTo(2);
            assertThat(node.get("subscriptions").findValuesAsString("subscriber")).containsOnly("spring");
            assertThat(node.get("subscriptions").toString()).contains("orders.#", "orders.*.created", "audit.#");
        });
    }

    @Test
    void backsOffWithoutTheExchangeOnTheClassPath() {
        runner.withClassLoader(new FilteredClassLoader(PubSubExchange.class))
                .run(context -> assertThat(context).doesNotHaveBean(MpregSubscriberRegistrar.class));
    }
}
