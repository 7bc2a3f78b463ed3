package io.mpreg.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.mpreg.admin.alert.AlertRule;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the admin app, under {@code mpreg.admin}. */
@ConfigurationProperties("mpreg.admin")
public class AdminProperties {

    /** The clusters to watch. */
    private List<Cluster> clusters = new ArrayList<>();

    /** How long one HTTP request to a node's Actuator may take. */
    private Duration probeTimeout = Duration.ofSeconds(3);

    /** How many nodes' Actuators are read at once, per cluster. */
    private int probeConcurrency = 16;

    /** How many points of each node's key figures are kept for its chart. */
    private int metricHistory = 60;

    /** Alerting. */
    private Alerts alerts = new Alerts();

    public List<Cluster> getClusters() {
        return clusters;
    }

    public void setClusters(List<Cluster> clusters) {
        this.clusters = clusters;
    }

    public Duration getProbeTimeout() {
        return probeTimeout;
    }

    public void setProbeTimeout(Duration probeTimeout) {
        this.probeTimeout = probeTimeout;
    }

    public int getProbeConcurrency() {
        return probeConcurrency;
    }

    public void setProbeConcurrency(int probeConcurrency) {
        this.probeConcurrency = probeConcurrency;
    }

    public int getMetricHistory() {
        return metricHistory;
    }

    public void setMetricHistory(int metricHistory) {
        this.metricHistory = metricHistory;
    }

    public Alerts getAlerts() {
        return alerts;
    }

    public void setAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    /** One watched cluster. */
    public static class Cluster {

        /** Its name in the UI, the API and alert labels. */
        private String name = "";

        /** Node URLs (ws:// or wss://) to reach it by, in failover order. */
        private List<String> seeds = new ArrayList<>();

        /** Where it runs, to group it in the topology. */
        private @Nullable String region;

        /** How often it is polled. */
        private Duration pollInterval = Duration.ofSeconds(5);

        /** How long one poll's mpreg.cluster call may take. */
        private Duration pollTimeout = Duration.ofSeconds(5);

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public List<String> getSeeds() {
            return seeds;
        }

        public void setSeeds(List<String> seeds) {
            this.seeds = seeds;
        }

        public @Nullable String getRegion() {
            return region;
        }

        public void setRegion(@Nullable String region) {
            this.region = region;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getPollTimeout() {
            return pollTimeout;
        }

        public void setPollTimeout(Duration pollTimeout) {
            this.pollTimeout = pollTimeout;
        }
    }

    /** Alerting settings. */
    public static class Alerts {

        /** The rules in force at start (more can be added through the API). */
        private List<AlertRule> rules = new ArrayList<>();

        /** How many alert transitions the history keeps. */
        private int historySize = 500;

        /** How often rules are evaluated between polls, so durations run out on time. */
        private Duration evaluationInterval = Duration.ofSeconds(1);

        /** Receivers of FIRING and RESOLVED notifications, as HTTP POSTs of JSON. */
        private List<Webhook> webhooks = new ArrayList<>();

        /** Node URLs to publish FIRING and RESOLVED notifications to, on the topic mpreg.alerts.<rule> (none: off). */
        private List<String> publishUrls = new ArrayList<>();

        public List<AlertRule> getRules() {
            return rules;
        }

        public void setRules(List<AlertRule> rules) {
            this.rules = rules;
        }

        public int getHistorySize() {
            return historySize;
        }

        public void setHistorySize(int historySize) {
            this.historySize = historySize;
        }

        public Duration getEvaluationInterval() {
            return evaluationInterval;
        }

        public void setEvaluationInterval(Duration evaluationInterval) {
            this.evaluationInterval = evaluationInterval;
        }

        public List<Webhook> getWebhooks() {
            return webhooks;
        }

        public void setWebhooks(List<Webhook> webhooks) {
            this.webhooks = webhooks;
        }

        public List<String> getPublishUrls() {
            return publishUrls;
        }

        public void setPublishUrls(List<String> publishUrls) {
            this.publishUrls = publishUrls;
        }
    }

    /** One webhook receiver. */
    public static class Webhook {

        /** The receiver's URL. */
        private String url = "";

        /** Attempts in all, the first included. */
        private int maxAttempts = 5;

        /** The delay before the first retry; each next one doubles. */
        private Duration initialBackoff = Duration.ofMillis(500);

        /** The longest delay between attempts. */
        private Duration maxBackoff = Duration.ofSeconds(30);

        /** How long one attempt may take. */
        private Duration timeout = Duration.ofSeconds(5);

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }
}
