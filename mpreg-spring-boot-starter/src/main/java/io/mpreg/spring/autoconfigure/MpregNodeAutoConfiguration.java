package io.mpreg.spring.autoconfigure;

import java.time.Clock;
import java.util.Set;

import io.mpreg.core.function.BlockingExecutor;
import io.mpreg.core.function.BuiltinFunctions;
import io.mpreg.core.function.FunctionRegistry;
import io.mpreg.core.function.LocalCommandRunner;
import io.mpreg.core.node.FrameDispatcher;
import io.mpreg.core.rpc.CommandObserver;
import io.mpreg.core.rpc.RpcService;
import io.mpreg.core.transport.ConnectionHandler;
import io.mpreg.core.wire.WireCodec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node embedded in the application: its function registry (with the
 * built-in functions and every {@link io.mpreg.spring.MpregFunction} bean
 * method), the worker pool for blocking functions and the connection handler
 * that serves clients.
 */
@AutoConfiguration
@ConditionalOnClass(FrameDispatcher.class)
@ConditionalOnBooleanProperty(name = "mpreg.node.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MpregProperties.class)
public final class MpregNodeAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    BlockingExecutor mpregBlockingExecutor(MpregProperties properties) {
        MpregProperties.Blocking blocking = properties.getNode().getBlocking();
        return BlockingExecutor.create(blocking.getPoolSize(), blocking.getQueueCapacity());
    }

    @Bean
    @ConditionalOnMissingBean
    FunctionRegistry mpregFunctionRegistry() {
        FunctionRegistry registry = new FunctionRegistry();
        BuiltinFunctions.registerInto(registry);
        return registry;
    }

    @Bean
    @ConditionalOnMissingBean(name = "mpregConnectionHandler")
    ConnectionHandler mpregConnectionHandler(FunctionRegistry registry, MpregProperties properties,
            ObjectProvider<CommandObserver> observers) {
        MpregProperties.Node node = properties.getNode();
        CommandObserver observer = observers.getIfUnique(() -> CommandObserver.NONE);
        RpcService rpc = new RpcService(
                observer.observe(new LocalCommandRunner(registry, Set.copyOf(node.getResources()))),
                Clock.systemUTC(), node.getRequest().getDefaultTimeout(), node.getRequest().getMaxTimeout());
        return new FrameDispatcher(WireCodec.rpc(JsonMapper.builder().build()), rpc)
                .withMaxInFlight(node.getMaxInFlightPerConnection());
    }

    @Bean
    static MpregFunctionRegistrar mpregFunctionRegistrar(ConfigurableListableBeanFactory beanFactory,
            ObjectProvider<FunctionRegistry> registry, ObjectProvider<BlockingExecutor> blocking,
            ObjectProvider<JsonMapper> mapper) {
        return new MpregFunctionRegistrar(beanFactory, registry::getObject,
                () -> mapper.getIfUnique(() -> JsonMapper.builder().build()), blocking::getObject);
    }
}
