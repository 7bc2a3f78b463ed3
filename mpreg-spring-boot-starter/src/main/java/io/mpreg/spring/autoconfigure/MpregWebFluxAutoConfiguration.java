package io.mpreg.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mpreg.core.transport.ConnectionHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Serves the embedded node's WebSocket endpoint on the application's WebFlux
 * server, at {@code /mpreg} and at {@code /} (where original MPREG clients
 * connect), so the node and Actuator share one port.
 *
 * <p>Frames over {@code mpreg.node.max-frame-size} close the connection with
 * status 1009. The limit is set on WebFlux's WebSocket service, so it applies
 * to every WebSocket endpoint of the application.
 */
@AutoConfiguration(after = MpregNodeAutoConfiguration.class,
        beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ConnectionHandler.class, WebSocketHandler.class, ReactorNettyRequestUpgradeStrategy.class})
public final class MpregWebFluxAutoConfiguration {

    /** The paths the endpoint answers on. */
    static final String[] PATHS = {"/mpreg", "/"};

    /** How long a closing connection waits for its peer to close too. */
    private static final Duration LINGER = Duration.ofSeconds(2);

    @Bean
    @ConditionalOnMissingBean
    WebSocketEndpointStats mpregWebSocketEndpointStats() {
        return new WebSocketEndpointStats();
    }

    @Bean
    @ConditionalOnBean(name = "mpregConnectionHandler")
    @ConditionalOnMissingBean(name = "mpregWebSocketHandler")
    WebSocketHandler mpregWebSocketHandler(ConnectionHandler mpregConnectionHandler, WebSocketEndpointStats stats) {
        return new ConnectionHandlerWebSocketHandler(mpregConnectionHandler, stats);
    }

    @Bean
    @ConditionalOnBean(name = "mpregConnectionHandler")
    @ConditionalOnMissingBean(name = "mpregHandlerMapping")
    SimpleUrlHandlerMapping mpregHandlerMapping(WebSocketHandler mpregWebSocketHandler) {
        Map<String, WebSocketHandler> byPath = new LinkedHashMap<>();
        for (String path : PATHS) {
            byPath.put(path, mpregWebSocketHandler);
        }
        // Before WebFlux's own mappings, so "/" reaches the endpoint rather than a static resource.
        return new SimpleUrlHandlerMapping(byPath, Ordered.HIGHEST_PRECEDENCE + 10);
    }

    /** Lets a client still sending an oversize frame read the 1009 close frame before the socket goes. */
    @Bean
    @ConditionalOnClass(NettyServerCustomizer.class)
    @ConditionalOnMissingBean(name = "mpregLingeringCloseCustomizer")
    NettyServerCustomizer mpregLingeringCloseCustomizer() {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) ->
                channel.pipeline().addFirst(LingeringCloseHandler.NAME, new LingeringCloseHandler(LINGER)));
    }

    @Bean
    @ConditionalOnMissingBean(name = "mpregWebSocketServiceConfigurer")
    WebFluxConfigurer mpregWebSocketServiceConfigurer(MpregProperties properties) {
        int maxFramePayloadLength = Math.toIntExact(properties.getNode().getMaxFrameSize().toBytes());
        return new WebFluxConfigurer() {
            @Override
            public WebSocketService getWebSocketService() {
                return new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                        () -> WebsocketServerSpec.builder().maxFramePayloadLength(maxFramePayloadLength)));
            }
        };
    }
}
