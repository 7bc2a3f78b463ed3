package io.mpreg.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.transport.ConnectionInfo;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.NullNode;

class MpregNodeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Functions for reflection tests. */
    public static final class Overloaded {
        public int twice(int x) {
            return 2 * x;
        }

        public long twice(long x) {
            return 2 * x;
        }
    }

    @Test
    void builtinsArePresentBesideRegisteredFunctions() {
        try (MpregNode node = MpregNode.builder().host("127.0.0.1").port(0)
                .function(FunctionDescriptor.of("nothing"), (args, kwargs) -> Mono.just(NullNode.getInstance()))
                .start()) {

            assertThat(node.registry().descriptors()).extracting(FunctionDescriptor::name)
                    .contains("echo", "echos", "nothing");
        }
    }

    @Test
    void urlNamesTheBoundPortAndTheMpregPath() {
        try (MpregNode node = MpregNode.builder().host("127.0.0.1").port(0).start()) {

            assertThat(node.port()).isPositive();
            assertThat(node.url()).isEqualTo("ws://127.0.0.1:" + node.port() + "/mpreg");
        }
    }

    @Test
    void nodeWithoutListenerServesConnectionsThroughItsHandler() {
        try (MpregNode node = MpregNode.builder().listen(false).start()) {
            String frame = "{\"role\":\"rpc\",\"u\":\"u1\",\"cmds\":[{\"name\":\"a\",\"fun\":\"echo\",\"args\":[5]}]}";

            String reply = node.connectionHandler()
                    .handle(new ConnectionInfo("c1", "test"), Flux.just(frame))
                    .blockFirst(WAIT);

            assertThat(reply).contains("\"u\":\"u1\"").contains("\"r\":{\"a\":5}");
            assertThatThrownBy(node::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("listen");
        }
    }

    @Test
    void onlyANodeWithoutListenerHasAnEndpointForOtherServers() {
        try (MpregNode listening = MpregNode.builder().host("127.0.0.1").port(0).start();
             MpregNode served = MpregNode.builder().listen(false).start()) {
            assertThatThrownBy(listening::endpoint).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("listen");
            assertThat(served.transportStats()).isEqualTo(served.endpoint().stats());
        }
    }

    @Test
    void overloadedMethodsAreRejectedWhenRegistered() {
        assertThatThrownBy(() -> MpregNode.builder().methods(new Overloaded()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'twice'");
    }

    @Test
    void builtinNamesCannotBeTakenTwice() {
        assertThatThrownBy(() -> MpregNode.builder()
                .function(FunctionDescriptor.of("echo"), (args, kwargs) -> Mono.just(NullNode.getInstance())))
                .hasMessageContaining("'echo'");
    }

    @Test
    void invalidSettingsAreRejectedWhenSet() {
        assertThatThrownBy(() -> MpregNode.builder().port(-1)).hasMessageContaining("port");
        assertThatThrownBy(() -> MpregNode.builder().blockingPool(0, 10)).hasMessageContaining("blockingPoolSize");
        assertThatThrownBy(() -> MpregNode.builder().requestTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(1)))
                .hasMessageContaining("must not exceed");
        assertThatThrownBy(() -> MpregNode.builder().resources(" ")).hasMessageContaining("blank");
    }

    @Test
    void defaultsAreTheProductDefaults() {
        MpregNodeConfig defaults = MpregNodeConfig.defaults();

        assertThat(defaults.port()).isEqualTo(9001);
        assertThat(defaults.host()).isEqualTo("0.0.0.0");
        assertThat(defaults.maxFrameSize()).isEqualTo(20 * 1024 * 1024);
        assertThat(defaults.resources()).isEqualTo(Set.of());
        assertThat(defaults.listen()).isTrue();
    }

    @Test
    void closeIsIdempotent() {
        MpregNode node = MpregNode.builder().host("127.0.0.1").port(0).start();

        node.close();
        node.close();
    }
}
