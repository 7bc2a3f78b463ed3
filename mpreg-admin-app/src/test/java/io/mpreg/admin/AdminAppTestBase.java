package io.mpreg.admin;

import java.time.Clock;

import io.mpreg.admin.model.FleetModel;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin app, started once for every test class that extends this, on a
 * random port, watching the real three-node {@link LiveCluster} "small" with
 * a one-second member-down rule and a webhook to a real local receiver; the
 * 200-member {@link BigCluster} is put into its model at start.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = {MpregAdminApplication.class,
        AdminAppTestBase.Fixtures.class})
public abstract class AdminAppTestBase {

    protected static final LiveCluster CLUSTER = LiveCluster.INSTANCE;
    protected static final WebhookReceiver RECEIVER = new WebhookReceiver(1);

    @DynamicPropertySource
    static void watchTheLiveCluster(DynamicPropertyRegistry registry) {
        registry.add("mpreg.admin.clusters[0].name", () -> "small");
        for (int i = 0; i < CLUSTER.urls().size(); i++) {
            String url = CLUSTER.urls().get(i);
            registry.add("mpreg.admin.clusters[0].seeds[" + i + "]", () -> url);
        }
        registry.add("mpreg.admin.clusters[0].region", () -> "eu-west");
        registry.add("mpreg.admin.clusters[0].poll-interval", () -> "200ms");
        registry.add("mpreg.admin.clusters[0].poll-timeout", () -> "1s");
        registry.add("mpreg.admin.alerts.evaluation-interval", () -> "100ms");
        registry.add("mpreg.admin.alerts.rules[0].name", () -> "member-down");
        registry.add("mpreg.admin.alerts.rules[0].kind", () -> "MEMBER_DOWN");
        registry.add("mpreg.admin.alerts.rules[0].severity", () -> "CRITICAL");
        registry.add("mpreg.admin.alerts.rules[0].for-duration", () -> "1s");
        registry.add("mpreg.admin.alerts.rules[0].cluster", () -> "small");
        registry.add("mpreg.admin.alerts.webhooks[0].url", RECEIVER::url);
        registry.add("mpreg.admin.alerts.webhooks[0].initial-backoff", () -> "50ms");
    }

    /** Feeds the big cluster; closes the shared nodes and receiver when the cached context closes. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Fixtures {

        @Bean
        ApplicationRunner bigCluster(FleetModel model, Clock clock) {
            return arguments -> BigCluster.feed(model, clock);
        }

        @Bean(destroyMethod = "close")
        LiveCluster liveCluster() {
            return CLUSTER;
        }

        @Bean(destroyMethod = "close")
        WebhookReceiver webhookReceiver() {
            return RECEIVER;
        }
    }
}
