package io.mpreg.spring.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;

import io.mpreg.core.node.MpregNode;
import io.mpreg.core.node.MpregNodeBuilder;
import io.mpreg.core.rpc.CommandObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node embedded in the application, started with the context and closed
 * gracefully with it. Every {@link io.mpreg.spring.MpregFunction} bean method
 * is registered on it once all singletons exist.
 *
 * <p>The node opens a listener of its own on {@code mpreg.node.port}, unless a
 * customizer turns it off (the WebFlux endpoint does, serving the node on the
 * application's port instead).
 *
 * <p>It joins the cluster of {@code mpreg.cluster.*} when a cluster id or
 * seeds are set (and runs alone otherwise): as it starts when it has a listener of
 * its own; once the web server is bound when the WebFlux endpoint serves it,
 * since only then is the port known ({@link WebServerClusterJoin}).
 */
@AutoConfiguration
@ConditionalOnClass(MpregNode.class)
@ConditionalOnBooleanProperty(name = "mpreg.node.enabled", matchIfMissing = true)
@EnableConfigurationProperties({MpregProperties.class, MpregClusterProperties.class})
public final class MpregNodeAutoConfiguration {

    private static final String FALLBACK_NAME = "mpreg-node";

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MpregNode mpregNode(MpregProperties properties, MpregClusterProperties cluster, ObjectProvider<JsonMapper> mapper,
            ObjectProvider<CommandObserver> observer, ObjectProvider<MpregNodeCustomizer> customizers,
            ObjectProvider<WebServerClusterJoin> webServerJoin, Environment environment) {
        MpregProperties.Node node = properties.getNode();
        boolean servedByWebServer = webServerJoin.getIfAvailable() != null;
        int port = servedByWebServer ? environment.getProperty("server.port", Integer.class, 8080) : node.getPort();
        MpregNodeBuilder builder = MpregNode.builder()
                .name(StringUtils.hasText(node.getName()) ? node.getName() : defaultName(port))
                .host(node.getHost())
                .port(node.getPort())
                .resources(node.getResources().stream().filter(StringUtils::hasText).toArray(String[]::new))
                .maxFrameSize(Math.toIntExact(node.getMaxFrameSize().toBytes()))
                .keepAlive(node.getPingInterval(), node.getIdleTimeout())
                .requestTimeouts(node.getRequest().getDefaultTimeout(), node.getRequest().getMaxTimeout())
                .blockingPool(node.getBlocking().getPoolSize(), node.getBlocking().getQueueCapacity())
                .cluster(ClusterPropertyMapper.clusterSettings(cluster, !servedByWebServer));
        mapper.ifUnique(builder::mapper);
        observer.ifUnique(builder::commandObserver);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.start();
    }

    @Bean
    static MpregFunctionRegistrar mpregFunctionRegistrar(ConfigurableListableBeanFactory beanFactory,
            ObjectProvider<MpregNode> node) {
        return new MpregFunctionRegistrar(beanFactory, node::getObject);
    }

    /**
     * The host name and the port, so that several nodes on one host get distinct
     * member ids, and a node restarted on the same port keeps its id. An
     * ephemeral port is not known yet, so such a node gets a random suffix.
     */
    private static String defaultName(int port) {
        String suffix = port != 0 ? Integer.toString(port)
                : Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        return hostName() + "-" + suffix;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException noHostName) {
            return FALLBACK_NAME;
        }
    }
}
