package io.mpreg.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class MpregClientBuilderTest {

    @Test
    void nonWebSocketUrlIsRejectedWhenSet() {
        assertThatThrownBy(() -> MpregClient.builder().urls("http://127.0.0.1:9001/mpreg"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://127.0.0.1:9001/mpreg");
    }

    @Test
    void buildingWithoutUrlsIsRejected() {
        assertThatThrownBy(() -> MpregClient.builder().build()).hasMessageContaining("urls");
        assertThatThrownBy(() -> MpregClient.connect()).hasMessageContaining("at least one");
    }

    @Test
    void nonPositiveDurationsAndCountsAreRejectedWhenSet() {
        assertThatThrownBy(() -> MpregClient.builder().requestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> MpregClient.builder().connectRounds(0)).hasMessageContaining("connectRounds");
        assertThatThrownBy(() -> MpregClient.builder().maxFrameSize(-1)).hasMessageContaining("maxFrameSize");
        assertThatThrownBy(() -> MpregClient.builder().reconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("below the initial");
    }
}
