package io.mpreg.core.pubsub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.mpreg.core.pubsub.PubSubMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.IntNode;

class BacklogTest {

    private static PubSubMessage message(int n) {
        return PubSubMessage.of("t", IntNode.valueOf(n), "m" + n, "p", 1.0);
    }

    private static List<Integer> payloads(List<PubSubMessage> messages) {
        return messages.stream().map(m -> m.payload().intValue()).toList();
    }

    @Test
    void keepsTheNewestMessagesInOrderAcrossManyWrapsOfItsRing() {
        Backlog backlog = new Backlog(Duration.ofMinutes(5), 100, Long.MAX_VALUE);

        for (int n = 0; n < 1000; n++) {
            backlog.append(message(n), 10, 1_000);
        }

        assertThat(payloads(backlog.since(0, 1_000))).isEqualTo(IntStream.range(900, 1000).boxed().toList());
        assertThat(backlog.size()).isEqualTo(100);
        assertThat(backlog.bytes()).isEqualTo(1_000);
    }

    @Test
    void evictsTheOldestUntilTheBytesFit() {
        Backlog backlog = new Backlog(Duration.ofMinutes(5), 1_000, 25);

        for (int n = 0; n < 5; n++) {
            backlog.append(message(n), 10, 1_000);
        }

        assertThat(payloads(backlog.since(0, 1_000))).containsExactly(3, 4);
        assertThat(backlog.bytes()).isEqualTo(20);
    }

    @Test
    void forgetsMessagesOlderThanTheWindowAndAnswersOnlyThoseSinceTheAskedTime() {
        Backlog backlog = new Backlog(Duration.ofSeconds(10), 1_000, Long.MAX_VALUE);
        for (int n = 0; n < 5; n++) {
            backlog.append(message(n), 1, n * 5_000L);
        }

        assertThat(payloads(backlog.since(0, 20_000))).containsExactly(2, 3, 4);
        assertThat(payloads(backlog.since(15_000, 20_000))).containsExactly(3, 4);
        assertThat(backlog.size()).isEqualTo(3);
    }

    @Test
    void keepsNothingWithAZeroWindow() {
        Backlog backlog = new Backlog(Duration.ZERO, 1_000, Long.MAX_VALUE);

        backlog.append(message(1), 1, 1_000);

        assertThat(backlog.size()).isZero();
    }
}
