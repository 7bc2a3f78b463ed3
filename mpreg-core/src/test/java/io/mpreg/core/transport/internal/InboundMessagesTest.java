package io.mpreg.core.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.test.StepVerifier;

class InboundMessagesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final InboundMessages<String> messages = new InboundMessages<>();

    @Test
    void readingStopsWhenTooManyMessagesWaitAndStartsAgainOnceTheyAreTaken() {
        List<Boolean> gate = new ArrayList<>();
        messages.readGate(gate::add);
        BaseSubscriber<String> slow = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
            }
        };
        messages.subscribe(slow);

        for (int i = 0; i < InboundMessages.PAUSE_AT - 1; i++) {
            messages.add("m" + i);
        }
        messages.deliver();
        assertThat(gate).isEmpty();
        messages.add("one too many");
        messages.deliver();
        assertThat(gate).containsExactly(false);

        slow.request(InboundMessages.PAUSE_AT - InboundMessages.RESUME_AT - 1);
        assertThat(gate).containsExactly(false);
        slow.request(1);
        assertThat(gate).containsExactly(false, true);
    }

    @Test
    void aSubscriberThatKeepsUpNeverStopsReading() {
        List<Boolean> gate = new ArrayList<>();
        messages.readGate(gate::add);
        List<String> seen = new ArrayList<>();
        messages.subscribe(seen::add);

        for (int i = 0; i < 10 * InboundMessages.PAUSE_AT; i++) {
            messages.add("m" + i);
        }
        messages.deliver();

        assertThat(seen).hasSize(10 * InboundMessages.PAUSE_AT);
        assertThat(gate).isEmpty();
    }

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
