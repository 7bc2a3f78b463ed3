package io.mpreg.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.mpreg.admin.alert.AlertEngine;
import io.mpreg.admin.alert.AlertNotifier;
import io.mpreg.admin.alert.AlertRules;
import io.mpreg.admin.alert.AlertsEndpoint;
import io.mpreg.admin.alert.AlertsHealthIndicator;
import io.mpreg.admin.alert.LoggingNotifier;
import io.mpreg.admin.alert.PubSubNotifier;
import io.mpreg.admin.alert.WebhookNotifier;
import io.mpreg.admin.alert.WebhookSettings;
import io.mpreg.admin.model.ClusterSnapshot;
import io.mpreg.admin.model.FleetModel;
import io.mpreg.admin.poll.NodeProbe;
import io.mpreg.admin.poll.WatchedCluster;
import io.mpreg.client.MpregClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Schedulers;

/** Wires the model, the pollers and alerting from {@link AdminProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
class AdminConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock adminClock() {
        return Clock.systemUTC();
    }

    @Bean
    List<WatchedCluster> watchedClusters(AdminProperties properties) {
        return properties.getClusters().stream()
                .filter(cluster -> cluster.getSeeds().stream().anyMatch(seed -> !seed.isBlank()))
                .map(cluster -> new WatchedCluster(cluster.getName(),
                        cluster.getSeeds().stream().filter(seed -> !seed.isBlank()).toList(), cluster.getRegion(),
                        cluster.getPollInterval(), cluster.getPollTimeout()))
                .toList();
    }

    @Bean
    FleetModel fleetModel(List<WatchedCluster> watchedClusters, AdminProperties properties, Clock clock) {
        List<ClusterSnapshot> initial = watchedClusters.stream()
                .map(cluster -> ClusterSnapshot.notPolledYet(cluster.name(), cluster.region(), clock.instant()))
                .toList();
        return new FleetModel(initial, clock, properties.getMetricHistory());
    }

    @Bean
    NodeProbe nodeProbe(ObjectProvider<WebClient.Builder> web, AdminProperties properties) {
        return new NodeProbe(web.getIfAvailable(WebClient::builder).build(), properties.getProbeTimeout(),
                properties.getProbeConcurrency());
    }

    @Bean
    AlertRules alertRules(AdminProperties properties) {
        return new AlertRules(properties.getAlerts().getRules());
    }

    @Bean
    AlertEngine alertEngine(AlertRules rules, Clock clock, AdminProperties properties,
            ObjectProvider<WebClient.Builder> web, ObjectProvider<PubSubNotifier> pubSub) {
        List<AlertNotifier> notifiers = new ArrayList<>();
        notifiers.add(new LoggingNotifier());
        WebClient client = web.getIfAvailable(WebClient::builder).build();
        for (AdminProperties.Webhook webhook : properties.getAlerts().getWebhooks()) {
            notifiers.add(new WebhookNotifier(client, new WebhookSettings(webhook.getUrl(), webhook.getMaxAttempts(),
                    webhook.getInitialBackoff(), webhook.getMaxBackoff(), webhook.getTimeout()), Schedulers.parallel()));
        }
        pubSub.ifAvailable(notifiers::add);
        return new AlertEngine(rules, clock, notifiers, properties.getAlerts().getHistorySize());
    }

    /** Publishes alerts on mpreg.alerts.<rule> when mpreg.admin.alerts.publish-urls names nodes. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${mpreg.admin.alerts.publish-urls[0]:}'.isBlank()")
    PubSubNotifier pubSubNotifier(AdminProperties properties) {
        return new PubSubNotifier(MpregClient.builder().urls(properties.getAlerts().getPublishUrls().stream()
                .filter(url -> !url.isBlank()).toArray(String[]::new)).build());
    }

    @Bean
    AdminLifecycle adminLifecycle(List<WatchedCluster> watchedClusters, FleetModel model, NodeProbe probe,
            AlertRules rules, AlertEngine engine, AdminProperties properties, Clock clock) {
        return new AdminLifecycle(watchedClusters, model, probe, rules, engine, properties, clock);
    }

    @Bean
    AlertsEndpoint alertsEndpoint(AlertEngine engine) {
        return new AlertsEndpoint(engine);
    }

    @Bean
    AlertsHealthIndicator alertsHealthIndicator(AlertEngine engine) {
        return new AlertsHealthIndicator(engine);
    }
}
