package io.mpreg.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void onlyTargetAndUrlAreRequired() {
        LoadOptions options = LoadOptions.parse("--target", "nats", "--url", "nats://127.0.0.1:4222");

        assertThat(options).isEqualTo(new LoadOptions(LoadTarget.NATS, URI.create("nats://127.0.0.1:4222"), 1,
                Duration.ofSeconds(20), Duration.ofSeconds(5), 16));
    }

    @Test
    void readsEveryOption() {
        LoadOptions options = LoadOptions.parse("--target", "mpreg", "--url", "ws://127.0.0.1:9001/mpreg",
                "--in-flight", "64", "--duration", "2m", "--warmup", "250ms", "--payload-bytes", "100");

        assertThat(options).isEqualTo(new LoadOptions(LoadTarget.MPREG, URI.create("ws://127.0.0.1:9001/mpreg"), 64,
                Duration.ofMinutes(2), Duration.ofMillis(250), 100));
    }

    @Test
    void badOptionsAreNamedInTheMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("--target", "kafka", "--url", "x"))
                .withMessageContaining("--target");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("--target", "nats"))
                .withMessageContaining("--url");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LoadOptions.parse("--target", "nats", "--url", "x", "--duration", "20 seconds"))
                .withMessageContaining("--duration");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LoadOptions.parse("--target", "nats", "--url", "x", "--in-flight", "0"))
                .withMessageContaining("--in-flight");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("--speed", "9"))
                .withMessageContaining("--speed");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("--target"))
                .withMessageContaining("needs a value");
    }
}
