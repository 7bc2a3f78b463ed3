package io.mpreg.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class FluxOutletTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FluxOutlet outlet = new FluxOutlet();

    @Test
    void framesArePulledOnlyAsTheyAreRequestedAndInOrder() {
        QueuedFrames frames = new QueuedFrames();
        Runnable wake = outlet.attach(frames);
        List<String> queued = IntStream.range(0, 200).mapToObj(i -> "f" + i).toList();
        frames.add(queued.toArray(CharSequence[]::new));

        StepVerifier.create(outlet.frames().map(CharSequence::toString), 0)
                .then(wake)
                .expectNoEvent(Duration.ofMillis(20))
                .thenRequest(150)
                .expectNextSequence(queued.subList(0, 150))
                .then(() -> assertThat(frames.waiting()).isEqualTo(50))
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
        outlet.attach(new QueuedFrames().add("a1", "a2"));
        outlet.attach(new QueuedFrames().add("b1"));

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
        outlet.attach(new QueuedFrames().add("left", "over"));

        StepVerifier.create(outlet.frames().map(CharSequence::toString), 1)
                .then(outlet::complete)
                .expectNext("left")
                .expectNoEvent(Duration.ofMillis(20))
                .thenRequest(1)
                .expectNext("over")
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void failingEndsTheFramesAtOnceWithWhatIsLeftUnpulled() {
        QueuedFrames frames = new QueuedFrames().add("first", "left behind");
        outlet.attach(frames);
        IllegalStateException failure = new IllegalStateException("connection must end");

        StepVerifier.create(outlet.frames().map(CharSequence::toString), 1)
                .expectNext("first")
                .then(() -> outlet.fail(failure))
                .expectErrorMatches(error -> error == failure)
                .verify(WAIT);

        assertThat(frames.waiting()).isEqualTo(1);
    }
}
