package io.mpreg.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpreg.client.MpregClient;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.node.MpregNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.StringNode;

class MpregClientAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MpregNodeAutoConfiguration.class,
                    MpregClientAutoConfiguration.class))
            .withPropertyValues("mpreg.node.host=127.0.0.1", "mpreg.node.port=0");

    @Test
    void withoutUrlsTheClientCallsTheEmbeddedNode() {
        runner.run(context -> assertThat(context.getBean(MpregClient.class).blocking()
                .call("echo", String.class, "local")).isEqualTo("local"));
    }

    @Test
    void withUrlsTheClientCallsThoseNodes() {
        try (MpregNode remote = MpregNode.builder().name("remote").host("127.0.0.1").port(0)
                .function(FunctionDescriptor.of("where"), (args, kwargs) -> Mono.just(StringNode.valueOf("remote")))
                .start()) {
            runner.withPropertyValues("mpreg.node.enabled=false", "mpreg.client.urls=" + remote.url())
                    .run(context -> {
                        assertThat(context).doesNotHaveBean(MpregNode.class);
                        assertThat(context.getBean(MpregClient.class).blocking().call("where", String.class))
                                .isEqualTo("remote");
                    });
        }
    }

    @Test
    void backsOffWhenTheUserDefinesAClient() {
        runner.withUserConfiguration(UserClientConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(MpregClient.class);
            assertThat(context.getBean(MpregClient.class)).isNotInstanceOf(DelegatingMpregClient.class);
        });
    }

    @Test
    void providesNoClientWhenDisabled() {
        runner.withPropertyValues("mpreg.client.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MpregClient.class));
    }

    @Test
    void providesNoClientWithoutTheClientOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(MpregClient.class))
                .run(context -> assertThat(context).doesNotHaveBean(MpregClient.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class UserClientConfiguration {

        @Bean(destroyMethod = "close")
        MpregClient userClient() {
            return MpregClient.connect("ws://127.0.0.1:1/mpreg");
        }
    }
}
