package io.mpreg.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of MPREG under the {@code mpreg} prefix: the embedded node
 * ({@code mpreg.node.*}) and the client ({@code mpreg.client.*}).
 */
@ConfigurationProperties("mpreg")
public class MpregProperties {

    /** The embedded node. */
    private final Node node = new Node();

    /** The client bean. */
    private final Client client = new Client();

    public Node getNode() {
        return node;
    }

    public Client getClient() {
        return client;
    }

    /** Settings of the node embedded in this application. */
    public static class Node {

        /** Whether this application runs an MPREG node. */
        private boolean enabled = true;

        /** The node's name in the cluster; generated when not set. */
        private @Nullable String name;

        /** The address the node's own listener binds to (unused when a WebFlux server serves the endpoint). */
        private String host = "0.0.0.0";

        /** The port of the node's own listener (unused when a WebFlux server serves the endpoint; 0 picks a free one). */
        private int port = 9001;

        /** The resource tags this node offers; a call's locs must all be among them. */
        private List<String> resources = new ArrayList<>();

        /** The largest inbound WebSocket frame; a bigger one closes the connection with status 1009. */
        private DataSize maxFrameSize = DataSize.ofMegabytes(20);

        /** How often the node pings each WebSocket connection. */
        private Duration pingInterval = Duration.ofSeconds(20);

        /** How long a connection may stay silent (not even a pong) before the node closes it with 1001. */
        private Duration idleTimeout = Duration.ofSeconds(60);

        /** Request time limits. */
        private final Request request = new Request();

        /** The worker pool that runs blocking functions. */
        private final Blocking blocking = new Blocking();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public List<String> getResources() {
            return resources;
        }

        public void setResources(List<String> resources) {
            this.resources = resources;
        }

        public DataSize getMaxFrameSize() {
            return maxFrameSize;
        }

        public void setMaxFrameSize(DataSize maxFrameSize) {
            this.maxFrameSize = maxFrameSize;
        }

        public Duration getPingInterval() {
            return pingInterval;
        }

        public void setPingInterval(Duration pingInterval) {
            this.pingInterval = pingInterval;
        }

        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        public Request getRequest() {
            return request;
        }

        public Blocking getBlocking() {
            return blocking;
        }
    }

    /** Time limits of requests served by the node. */
    public static class Request {

        /** The time limit of a request that names no timeout. */
        private Duration defaultTimeout = Duration.ofSeconds(30);

        /** The longest time limit a request may ask for; longer ones are cut to this. */
        private Duration maxTimeout = Duration.ofMinutes(5);

        public Duration getDefaultTimeout() {
            return defaultTimeout;
        }

        public void setDefaultTimeout(Duration defaultTimeout) {
            this.defaultTimeout = defaultTimeout;
        }

        public Duration getMaxTimeout() {
            return maxTimeout;
        }

        public void setMaxTimeout(Duration maxTimeout) {
            this.maxTimeout = maxTimeout;
        }
    }

    /** The bounded pool that runs functions which may block. */
    public static class Blocking {

        /** The most blocking functions running at once. */
        private int poolSize = 64;

        /** How many blocking calls may wait for the pool; beyond it calls are answered OVERLOADED. */
        private int queueCapacity = 1024;

        public int getPoolSize() {
            return poolSize;
        }

        public void setPoolSize(int poolSize) {
            this.poolSize = poolSize;
        }

        public int getQueueCapacity() {
            return queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }
    }

    /** Settings of the {@code MpregClient} bean. */
    public static class Client {

        /** Whether to provide an MpregClient bean. */
        private boolean enabled = true;

        /** Node URLs to connect to (ws://host:port/mpreg), with failover; empty means the embedded node. */
        private List<String> urls = new ArrayList<>();

        /** The time limit of a call made through the client bean. */
        private Duration timeout = Duration.ofSeconds(30);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getUrls() {
            return urls;
        }

        public void setUrls(List<String> urls) {
            this.urls = urls;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }
}
