package io.mpreg.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.mpreg.core.node.MpregNode;
import org.junit.jupiter.api.Test;

class MpregPubSubFanoutTest {

    @Test
    void everyWildcardSubscriberOfARealNodeCountsEveryMessage() throws Exception {
        try (MpregNode node = MpregNode.builder().host("127.0.0.1").port(0).start();
             MpregPubSubFanout fanout = MpregPubSubFanout.connect(node.url(), 3, "bench.*")) {
            for (int i = 0; i < 100; i++) {
                fanout.publish("x".repeat(100));
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> fanout.received(0) == 100
                    && fanout.received(1) == 100 && fanout.received(2) == 100);
            assertThat(node.pubSub().stats().delivered()).isEqualTo(300);
        }
    }
}
