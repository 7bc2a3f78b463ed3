package io.mpreg.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mpreg.client.MpregClient;
import io.mpreg.core.node.MpregNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The health indicators and meters of the node and the client. */
class MpregObservabilityAutoConfigurationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    MpregNodeAutoConfiguration.class, MpregClientAutoConfiguration.class,
                    MpregHealthAutoConfiguration.class, MpregMetricsAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("mpreg.node.host=127.0.0.1", "mpreg.node.port=0", "mpreg.node.name=observed");

    @Test
    void theNodeAndTheClientReportHealthy() {
        runner.run(context -> {
            Health node = context.getBean("mpregNodeHealthIndicator", HealthIndicator.class).health();
            Health client = context.getBean("mpregClientHealthIndicator", ReactiveHealthIndicator.class)
                    .health().block(WAIT);
            assertThat(node.getStatus()).isEqualTo(Status.UP);
            assertThat(node.getDetails()).containsEntry("name", "observed");
            assertThat(client.getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void aClientThatCannotReachItsNodeReportsDown() {
        runner.withPropertyValues("mpreg.node.enabled=false", "mpreg.client.urls=ws://127.0.0.1:1/mpreg")
                .run(context -> assertThat(context.getBean("mpregClientHealthIndicator",
                        ReactiveHealthIndicator.class).health().block(WAIT).getStatus())
                        .isEqualTo(Status.DOWN));
    }

    @Test
    void healthIndicatorsCanBeTurnedOff() {
        runner.withPropertyValues("management.health.mpreg.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("mpregNodeHealthIndicator"));
    }

    @Test
    void callsAreTimedOnBothSidesByFunctionAndOutcome() {
        runner.run(context -> {
            MpregClient client = context.getBean(MpregClient.class);
            client.blocking().call("echo", String.class, "metered");
            try {
                client.blocking().call("no-such-function", String.class);
            }
            catch (RuntimeException expected) {
                // the failure is what gets counted
            }
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(MpregMetricsAutoConfiguration.SERVER_REQUESTS)
                    .tags("function", "echo", "outcome", "success").timer().count()).isEqualTo(1);
            assertThat(registry.get(MpregMetricsAutoConfiguration.SERVER_REQUESTS)
                    .tags("function", MpregMetricsAutoConfiguration.UNKNOWN_FUNCTION, "outcome", "function_not_found")
                    .timer().count()).isEqualTo(1);
            assertThat(registry.get(MpregMetricsAutoConfiguration.CLIENT_REQUESTS)
                    .tags("function", "echo", "outcome", "success").timer().count()).isEqualTo(1);
            assertThat(registry.get(MpregMetricsAutoConfiguration.CLIENT_REQUESTS)
                    .tags("function", "no-such-function", "outcome", "function_not_found").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get(MpregMetricsAutoConfiguration.CONNECTIONS).gauge().value()).isEqualTo(1);
        });
    }

    @Test
    void noMetersWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean(MpregMetricsAutoConfiguration.class));
    }

    @Test
    void noHealthWithoutActuatorHealth() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean("mpregNodeHealthIndicator"));
    }

    @Test
    void theNodeNeedsNoMicrometerToStart() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MpregNodeAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .withPropertyValues("mpreg.node.host=127.0.0.1", "mpreg.node.port=0")
                .run(context -> assertThat(context).hasSingleBean(MpregNode.class));
    }
}
