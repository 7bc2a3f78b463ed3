package io.mpreg.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ClusterConfigTest {

    @Test
    void defaultsSuitALan() {
        ClusterConfig config = ClusterConfig.defaults("prod");
        assertThat(config.probeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.probeTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.indirectProbes()).isEqualTo(3);
        assertThat(config.gossipInterval()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void suspicionTimeoutAndRetransmitsGrowWithTheLogarithmOfClusterSize() {
        ClusterConfig config = ClusterConfig.defaults("prod");
        assertThat(config.suspicionTimeout(10)).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.suspicionTimeout(1000)).isEqualTo(Duration.ofSeconds(12));
        assertThat(config.retransmitLimit(9)).isEqualTo(4);
        assertThat(config.retransmitLimit(1000)).isEqualTo(16);
    }

    @Test
    void builderRejectsAnImpossibleValueAtOnceNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> ClusterConfig.builder("c").gossipFanout(0))
                .withMessage("gossipFanout must be at least 1, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> ClusterConfig.builder("c").digestBuckets(48))
                .withMessageContaining("power of two");
        assertThatIllegalArgumentException().isThrownBy(() -> ClusterConfig.builder(" ").build())
                .withMessage("clusterId must not be blank");
    }

    @Test
    void probeTimeoutMustBeShorterThanTheProbeInterval() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClusterConfig.builder("c").probeTimeout(Duration.ofSeconds(2)).build())
                .withMessageContaining("probeTimeout (PT2S) must be shorter than probeInterval (PT1S)");
    }

    @Test
    void toBuilderKeepsEverySetting() {
        ClusterConfig config = ClusterConfig.builder("c").gossipFanout(5).suspicionMultiplier(6).build();
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }
}
