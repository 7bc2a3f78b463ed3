package io.mpreg.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;

import io.mpreg.core.node.MpregNode;
import io.mpreg.spring.MpregFunction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class MpregNodeAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MpregNodeAutoConfiguration.class))
            .withPropertyValues("mpreg.node.host=127.0.0.1", "mpreg.node.port=0");

    @Test
    void startsANodeConfiguredFromTheProperties() {
        runner.withPropertyValues("mpreg.node.name=alpha", "mpreg.node.resources=gpu,eu",
                        "mpreg.node.max-frame-size=1MB", "mpreg.node.request.default-timeout=2s",
                        "mpreg.node.request.max-timeout=10s", "mpreg.node.blocking.pool-size=3",
                        "mpreg.node.blocking.queue-capacity=7", "mpreg.node.ping-interval=5s",
                        "mpreg.node.idle-timeout=15s")
                .run(context -> {
                    MpregNode node = context.getBean(MpregNode.class);
                    assertThat(node.config().name()).isEqualTo("alpha");
                    assertThat(node.config().resources()).containsExactlyInAnyOrder("gpu", "eu");
                    assertThat(node.config().maxFrameSize()).isEqualTo(DataSize.ofMegabytes(1).toBytes());
                    assertThat(node.config().defaultRequestTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(node.config().maxRequestTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(node.config().pingInterval()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(node.config().idleTimeout()).isEqualTo(Duration.ofSeconds(15));
                    assertThat(node.blockingExecutor().stats().maxConcurrency()).isEqualTo(3);
                    assertThat(node.blockingExecutor().stats().queueCapacity()).isEqualTo(7);
                    assertThat(node.config().listen()).isTrue();
                    assertThat(node.port()).isPositive();
                });
    }

    @Test
    void nodesOnOneHostGetDistinctDefaultNames() {
        runner.run(first -> runner.run(second -> {
            String firstName = first.getBean(MpregNode.class).config().name();
            String secondName = second.getBean(MpregNode.class).config().name();
            assertThat(firstName).isNotEqualTo(secondName);
        }));
    }

    @Test
    void aNodeOnAFixedPortIsNamedAfterItsHostAndPort() throws IOException {
        int port = freePort();
        runner.withPropertyValues("mpreg.node.port=" + port).run(context ->
                assertThat(context.getBean(MpregNode.class).config().name()).endsWith("-" + port));
    }

    @Test
    void propertiesHaveTheDocumentedDefaults() {
        MpregProperties properties = new MpregProperties();

        assertThat(properties.getNode().getPort()).isEqualTo(9001);
        assertThat(properties.getNode().getMaxFrameSize()).isEqualTo(DataSize.ofMegabytes(20));
        assertThat(properties.getNode().getRequest().getDefaultTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.getNode().isEnabled()).isTrue();
        assertThat(properties.getClient().getUrls()).isEmpty();
    }

    @Test
    void registersAnnotatedBeanMethodsOnTheNode() {
        runner.withUserConfiguration(FunctionsConfiguration.class).run(context -> {
            MpregNode node = context.getBean(MpregNode.class);
            assertThat(node.registry().find("shout")).isPresent();
            assertThat(node.registry().find("whisper")).hasValueSatisfying(
                    function -> assertThat(function.descriptor().resources()).containsExactly("quiet"));
            assertThat(node.registry().find("echo")).isPresent();
        });
    }

    @Test
    void closesTheNodeWithTheContext() {
        runner.run(context -> {
            int port = context.getBean(MpregNode.class).port();
            context.close();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        });
    }

    @Test
    void backsOffWhenTheUserDefinesANode() {
        runner.withUserConfiguration(UserNodeConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(MpregNode.class);
            assertThat(context.getBean(MpregNode.class).config().name()).isEqualTo("user-node");
        });
    }

    @Test
    void runsNoNodeWhenDisabled() {
        runner.withPropertyValues("mpreg.node.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MpregNode.class));
    }

    @Test
    void runsNoNodeWithoutTheCoreOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(MpregNode.class))
                .run(context -> assertThat(context).doesNotHaveBean(MpregNode.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class FunctionsConfiguration {

        @Bean
        Voices voices() {
            return new Voices();
        }
    }

    static class Voices {

        @MpregFunction
        public String shout(String text) {
            return text.toUpperCase(Locale.ROOT);
        }

        @MpregFunction(resources = "quiet")
        public String whisper(String text) {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserNodeConfiguration {

        @Bean(destroyMethod = "close")
        MpregNode userNode() {
            return MpregNode.builder().name("user-node").listen(false).start();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
