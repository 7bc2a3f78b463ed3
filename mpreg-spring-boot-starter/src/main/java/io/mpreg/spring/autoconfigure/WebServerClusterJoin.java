package io.mpreg.spring.autoconfigure;

import java.util.Objects;
import java.util.function.Supplier;

import io.mpreg.core.node.MpregNode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Joins and leaves the cluster of a node that the application's web server
 * serves.
 *
 * <p><b>Join</b> when the web server is bound ({@link WebServerInitializedEvent},
 * published by the web server's own lifecycle as it starts): only then is the
 * port known when {@code server.port=0}, and the node announces the URLs peers,
 * clients and tools reach it at ({@link AdvertisedUrls}). Until then the node
 * serves nothing to the cluster and its cluster health is not UP.
 *
 * <p><b>Leave</b> first on shutdown: this lifecycle's phase is above the web
 * server's graceful shutdown, so the node says goodbye (every member stops
 * routing to it at once) before the server drains the calls in flight.
 */
final class WebServerClusterJoin implements ApplicationListener<WebServerInitializedEvent>, SmartLifecycle {

    /** Stops before the web server's graceful shutdown (and starts after the web server). */
    static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 512;

    private static final Logger log = LoggerFactory.getLogger(WebServerClusterJoin.class);
    private static final String MANAGEMENT_NAMESPACE = "management";

    private final Supplier<@Nullable MpregNode> node;
    private final MpregClusterProperties properties;
    private final AdvertisedUrls urls;
    private volatile boolean running;

    WebServerClusterJoin(Supplier<@Nullable MpregNode> node, MpregClusterProperties properties, AdvertisedUrls urls) {
        this.node = Objects.requireNonNull(node, "node");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.urls = Objects.requireNonNull(urls, "urls");
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        MpregNode target = node.get();
        if (target == null || target.cluster().isEmpty()
                || MANAGEMENT_NAMESPACE.equals(WebServerApplicationContext.getServerNamespace(event.getApplicationContext()))) {
            return;
        }
        int port = event.getWebServer().getPort();
        String advertised = urls.nodeUrl(properties.getAdvertisedUrl(), port);
        String management = urls.managementUrl(properties.getManagementUrl(), port);
        log.info("Web server listening on port {}: node '{}' joins cluster '{}' as {} (management {})", port,
                target.config().name(), ClusterPropertyMapper.clusterId(properties), advertised, management);
        target.joinCluster(advertised, management);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        MpregNode target = node.get();
        if (target != null) {
            target.leaveCluster();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
