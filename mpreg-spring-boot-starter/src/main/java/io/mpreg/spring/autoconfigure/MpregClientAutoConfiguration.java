package io.mpreg.spring.autoconfigure;

import java.util.List;

import io.mpreg.client.MpregClient;
import io.mpreg.core.node.MpregNode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link MpregClient} bean: to the nodes of {@code mpreg.client.urls}
 * when set, otherwise to the embedded node (its own listener, or the
 * application's web server when that serves the endpoint). The client
 * connects on its first call.
 */
@AutoConfiguration(after = MpregNodeAutoConfiguration.class)
@ConditionalOnClass(MpregClient.class)
@ConditionalOnBooleanProperty(name = "mpreg.client.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MpregProperties.class)
public final class MpregClientAutoConfiguration {

    /** Set by Spring Boot once the web server listens. */
    private static final String LOCAL_SERVER_PORT = "local.server.port";

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MpregClient mpregClient(MpregProperties properties, ObjectProvider<MpregNode> node, Environment environment,
            ObjectProvider<JsonMapper> mapper, ObjectProvider<ClientCallObserver> observer) {
        MpregProperties.Client client = properties.getClient();
        List<String> urls = List.copyOf(client.getUrls());
        return new DelegatingMpregClient(() -> {
            var builder = MpregClient.builder()
                    .urls(urls.isEmpty() ? new String[] {embeddedUrl(node, environment)} : urls.toArray(String[]::new))
                    .requestTimeout(client.getTimeout());
            mapper.ifUnique(builder::mapper);
            return builder.build();
        }, observer.getIfUnique(() -> ClientCallObserver.NONE), client.getTimeout());
    }

    private static String embeddedUrl(ObjectProvider<MpregNode> nodes, Environment environment) {
        MpregNode node = nodes.getIfUnique();
        if (node == null) {
            throw new IllegalStateException(
                    "mpreg.client.urls is empty and this application runs no MPREG node (mpreg.node.enabled=false)");
        }
        if (node.config().listen()) {
            return node.url();
        }
        String port = environment.getProperty(LOCAL_SERVER_PORT);
        if (port == null) {
            throw new IllegalStateException("the embedded node is served by the web server, which is not listening yet");
        }
        return "ws://127.0.0.1:" + port + "/mpreg";
    }
}
