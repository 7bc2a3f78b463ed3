package io.mpreg.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class FluxOutletTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FluxOutlet outlet = new FluxOutlet();

    private static FrameSource draining(Queue<CharSequence> frames) {
        return (sink, max) -> {
            int handed = 0;
            for (CharSequence frame; handed < max && (frame = frames.poll()) != null; handed++) {
                sink.accept(frame);
            }
            return !frames.isEmpty();
        };
    }

    @Test
    void framesArePulledOnlyAsTheyAreRequestedAndInOrder() {
        Queue<CharSequence> frames = new ConcurrentLinkedQueue<>();
        Runnable wake = outlet.attach(draining(frames));
        List<String> queued = IntStream.range(0, 200).mapToObj(i -> "f" + i).toList();
        frames.addAll(queued);

        StepVerifier.create(outlet.frames().map(CharSequence::toString), 0)
                .then(wake)
                .expectNoEvent(Duration.ofMillis(20))
                .thenRequest(150)
                .expectNextSequence(queued.subList(0, 150))
                .then(() -> assertThat(frames).hasSize(50))
                .thenRequest(Long.MAX_VALUE)
                .expectNextSequence(queued.subList(150, 200))
                .then(() -> {
                    frames.add("after a wake-up");
                    wake.run();
                })
                .expectNext("after a wake-up")
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void everyAttachedSourceIsPulled() {
        Queue<CharSequence> first = new ConcurrentLinkedQueue<>(List.of("a1", "a2"));
        Queue<CharSequence> second = new ConcurrentLinkedQueue<>(List.of("b1"));
        outlet.attach(draining(first));
        outlet.attach(draining(second));

        StepVerifier.create(outlet.frames().map(CharSequence::toString))
                .expectNext("a1", "a2", "b1")
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void itsFramesAllowOneSubscriberOnly() {
        outlet.frames().subscribe();

        StepVerifier.create(outlet.frames()).expectError(IllegalStateException.class).verify(WAIT);
    }

    @Test
    void completingEndsTheFramesOnlyOnceTheSourcesHaveHandedOutEverything() {
        Queue<CharSequence> frames = new ConcurrentLinkedQueue<>(List.of("left", "over"));
        outlet.attach(draining(frames));

        StepVerifier.create(outlet.frames().map(CharSequence::toString), 1)
                .then(outlet::complete)
                .expectNext("left")
                .expectNoEvent(Duration.ofMillis(20))
                .thenRequest(1)
                .expectNext("over")
                .expectComplete()
                .verify(WAIT);
    }
}
