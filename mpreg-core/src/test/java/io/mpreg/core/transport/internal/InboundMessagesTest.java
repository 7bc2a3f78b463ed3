package io.mpreg.core.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class InboundMessagesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final InboundMessages messages = new InboundMessages();

    @Test
    void messagesOfAReadReachTheSubscriberWhenTheReadIsDelivered() {
        List<String> seen = new ArrayList<>();
        messages.subscribe(seen::add);

        messages.add("a");
        messages.add("b");
        assertThat(seen).isEmpty();
        messages.deliver();

        assertThat(seen).containsExactly("a", "b");
    }

    @Test
    void messagesDeliveredBeforeTheSubscriberCameAreKeptForIt() {
        messages.add("early");
        messages.deliver();
        messages.add("late");
        messages.deliver();
        messages.complete();

        StepVerifier.create(messages).expectNext("early", "late").expectComplete().verify(WAIT);
    }

    @Test
    void onlyRequestedMessagesAreHandedOverAndCompletionWaitsForTheRest() {
        messages.add("one");
        messages.add("two");
        messages.deliver();
        messages.complete();

        StepVerifier.create(messages, 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(20))
                .thenRequest(1)
                .expectNext("one")
                .expectNoEvent(Duration.ofMillis(20))
                .thenRequest(1)
                .expectNext("two")
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aSecondSubscriberIsRefused() {
        messages.subscribe();

        StepVerifier.create(messages).expectError(IllegalStateException.class).verify(WAIT);
    }

    @Test
    void cancellingStopsTheDelivery() {
        List<String> seen = new ArrayList<>();
        messages.take(1).subscribe(seen::add);

        messages.add("kept");
        messages.add("dropped");
        messages.deliver();
        messages.add("after the cancel");
        messages.deliver();

        assertThat(seen).containsExactly("kept");
    }
}
