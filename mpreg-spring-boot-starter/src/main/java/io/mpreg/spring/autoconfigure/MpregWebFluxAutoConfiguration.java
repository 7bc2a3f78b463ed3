package io.mpreg.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.mpreg.core.node.MpregNode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;

/**
 * Serves the embedded node's WebSocket endpoint on the application's WebFlux
 * server, at {@code /mpreg} and at {@code /} (where original MPREG clients
 * connect), so the node and Actuator share one port.
 *
 * <p>The node joins its cluster once this server is bound and leaves it
 * before the server drains on shutdown ({@link WebServerClusterJoin}).
 *
 * <p>The WebSocket service configured here hands each connection to the
 * endpoint straight to the node ({@link NodeEndpointUpgradeStrategy}), which
 * serves it as its own listener would: frames over
 * {@code mpreg.node.max-frame-size} close it with status 1009, pings every
 * {@code mpreg.node.ping-interval}, and silence past
 * {@code mpreg.node.idle-timeout} closes it. The application's other
 * WebSocket handlers are upgraded as Spring does by default.
 */
@AutoConfiguration(after = MpregNodeAutoConfiguration.class,
        beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "mpreg.node.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MpregClusterProperties.class)
@ConditionalOnClass({MpregNode.class, WebSocketHandler.class, ReactorNettyRequestUpgradeStrategy.class})
public final class MpregWebFluxAutoConfiguration {

    /** The paths the endpoint answers on. */
    static final String[] PATHS = {"/mpreg", "/"};

    /** Tells the node not to open a listener of its own: this server serves its endpoint. */
    @Bean
    @ConditionalOnMissingBean(name = "mpregWebFluxEndpointCustomizer")
    MpregNodeCustomizer mpregWebFluxEndpointCustomizer() {
        return builder -> builder.listen(false);
    }

    /** Joins the cluster once the web server is bound (its port known), leaves it before the server drains. */
    @Bean
    @ConditionalOnMissingBean
    static WebServerClusterJoin mpregWebServerClusterJoin(ObjectProvider<MpregNode> node,
            ObjectProvider<MpregClusterProperties> properties, Environment environment) {
        return new WebServerClusterJoin(node::getIfAvailable,
                properties.getIfAvailable(MpregClusterProperties::new), AdvertisedUrls.of(environment));
    }

    @Bean
    @ConditionalOnBean(MpregNode.class)
    @ConditionalOnMissingBean(name = "mpregWebSocketHandler")
    WebSocketHandler mpregWebSocketHandler(MpregNode node) {
        return new NodeEndpointHandler(node.endpoint(), node.config().maxFrameSize());
    }

    @Bean
    @ConditionalOnBean(MpregNode.class)
    @ConditionalOnMissingBean(name = "mpregHandlerMapping")
    SimpleUrlHandlerMapping mpregHandlerMapping(WebSocketHandler mpregWebSocketHandler) {
        Map<String, WebSocketHandler> byPath = new LinkedHashMap<>();
        for (String path : PATHS) {
            byPath.put(path, mpregWebSocketHandler);
        }
        // Before WebFlux's own mappings, so "/" reaches the endpoint rather than a static resource.
        return new SimpleUrlHandlerMapping(byPath, Ordered.HIGHEST_PRECEDENCE + 10);
    }

    /** Spring's handshake, with an upgrade that hands the node's connections to the node. */
    @Bean
    @ConditionalOnMissingBean(name = "mpregWebSocketServiceConfigurer")
    WebFluxConfigurer mpregWebSocketServiceConfigurer() {
        return new WebFluxConfigurer() {
            @Override
            public WebSocketService getWebSocketService() {
                return new HandshakeWebSocketService(new NodeEndpointUpgradeStrategy());
            }
        };
    }
}
