package io.mpreg.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpreg.core.node.MpregNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;

class MpregWebFluxAutoConfigurationTest {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
            MpregNodeAutoConfiguration.class, MpregWebFluxAutoConfiguration.class);

    @Test
    void inAReactiveWebAppTheServerServesTheNodeAtBothPaths() {
        new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS).run(context -> {
            assertThat(context.getBean(MpregNode.class).config().listen()).isFalse();
            SimpleUrlHandlerMapping mapping = context.getBean("mpregHandlerMapping", SimpleUrlHandlerMapping.class);
            assertThat(mapping.getUrlMap()).containsOnlyKeys("/mpreg", "/");
            assertThat(mapping.getUrlMap().get("/")).isSameAs(context.getBean("mpregWebSocketHandler"));
        });
    }

    @Test
    void outsideAReactiveWebAppTheNodeListensItself() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .withPropertyValues("mpreg.node.host=127.0.0.1", "mpreg.node.port=0")
                .run(context -> {
                    assertThat(context.getBean(MpregNode.class).config().listen()).isTrue();
                    assertThat(context).doesNotHaveBean("mpregHandlerMapping");
                });
    }

    @Test
    void withoutWebFluxWebSocketsTheNodeListensItself() {
        new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .withClassLoader(new FilteredClassLoader(WebSocketHandler.class))
                .withPropertyValues("mpreg.node.host=127.0.0.1", "mpreg.node.port=0")
                .run(context -> {
                    assertThat(context.getBean(MpregNode.class).config().listen()).isTrue();
                    assertThat(context).doesNotHaveBean("mpregHandlerMapping");
                });
    }

    @Test
    void withTheNodeDisabledTheServerServesNoEndpoint() {
        new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .withPropertyValues("mpreg.node.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(MpregNode.class);
                    assertThat(context).doesNotHaveBean("mpregHandlerMapping");
                    assertThat(context).doesNotHaveBean("mpregWebSocketServiceConfigurer");
                });
    }

    @Test
    void backsOffWhenTheUserDefinesTheHandler() {
        new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .withBean("mpregWebSocketHandler", WebSocketHandler.class, () -> session -> session.close())
                .run(context -> assertThat(context.getBean("mpregHandlerMapping", SimpleUrlHandlerMapping.class)
                        .getUrlMap().get("/mpreg")).isNotInstanceOf(NodeEndpointHandler.class));
    }
}
