package io.mpreg.admin;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin app, started once for every test class that extends this, on a
 * random port, watching the two {@link FakeClusters} with a one-second
 * member-down rule and a webhook to a real local receiver.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = {MpregAdminApplication.class,
        AdminAppTestBase.Fixtures.class})
public abstract class AdminAppTestBase {

    protected static final FakeClusters CLUSTERS = FakeClusters.INSTANCE;
    protected static final WebhookReceiver RECEIVER = new WebhookReceiver(1);

    @DynamicPropertySource
    static void watchTheFakeClusters(DynamicPropertyRegistry registry) {
        registry.add("mpreg.admin.clusters[0].name", () -> "small");
        registry.add("mpreg.admin.clusters[0].seeds[0]", CLUSTERS::smallUrl);
        registry.add("mpreg.admin.clusters[0].region", () -> "eu-west");
        registry.add("mpreg.admin.clusters[0].poll-interval", () -> "200ms");
        registry.add("mpreg.admin.clusters[1].name", () -> "big");
        registry.add("mpreg.admin.clusters[1].seeds[0]", CLUSTERS::bigUrl);
        registry.add("mpreg.admin.clusters[1].region", () -> "us-east");
        registry.add("mpreg.admin.clusters[1].poll-interval", () -> "1s");
        registry.add("mpreg.admin.alerts.evaluation-interval", () -> "100ms");
        registry.add("mpreg.admin.alerts.rules[0].name", () -> "member-down");
        registry.add("mpreg.admin.alerts.rules[0].kind", () -> "MEMBER_DOWN");
        registry.add("mpreg.admin.alerts.rules[0].severity", () -> "CRITICAL");
        registry.add("mpreg.admin.alerts.rules[0].for-duration", () -> "1s");
        registry.add("mpreg.admin.alerts.rules[0].cluster", () -> "small");
        registry.add("mpreg.admin.alerts.webhooks[0].url", RECEIVER::url);
        registry.add("mpreg.admin.alerts.webhooks[0].initial-backoff", () -> "50ms");
    }

    /** Closes the shared nodes and receiver when the cached context closes at the end of the run. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Fixtures {

        @Bean(destroyMethod = "close")
        FakeClusters fakeClusters() {
            return CLUSTERS;
        }

        @Bean(destroyMethod = "close")
        WebhookReceiver webhookReceiver() {
            return RECEIVER;
        }
    }
}
