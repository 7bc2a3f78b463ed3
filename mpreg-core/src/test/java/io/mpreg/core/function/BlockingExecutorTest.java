package io.mpreg.core.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

class BlockingExecutorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingExecutor executor = BlockingExecutor.create(1, 1);

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void tasksRunOnPoolWorkersNeverOnTheSubscribingThread() throws InterruptedException {
        AtomicReference<String> ranOn = new AtomicReference<>();
        Thread eventLoop = new Thread(() -> executor.submit(() -> Thread.currentThread().getName())
                .subscribe(ranOn::set), "reactor-http-nio-1");
        eventLoop.start();
        eventLoop.join(WAIT.toMillis());

        await().atMost(WAIT).until(() -> ranOn.get() != null);
        assertThat(ranOn.get()).startsWith("mpreg-fn-").doesNotStartWith("reactor-");
    }

    @Test
    void workersAreVirtualThreadsExactlyWhenTheJdkHasThem() {
        boolean jdkHasVirtualThreads = Runtime.version().feature() >= 21;

        assertThat(executor.virtualThreads()).isEqualTo(jdkHasVirtualThreads);
        assertThat(executor.stats().virtualThreads()).isEqualTo(jdkHasVirtualThreads);
    }

    @Test
    void aCallBeyondTheWorkersAndTheQueueIsRefusedAsOverloaded() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StepVerifier first = StepVerifier.create(executor.submit(() -> {
            running.countDown();
            return release.await(10, TimeUnit.SECONDS);
        })).expectNext(true).expectComplete().verifyLater();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        StepVerifier queued = StepVerifier.create(executor.submit(() -> "queued"))
                .expectNext("queued").expectComplete().verifyLater();

        StepVerifier.create(executor.submit(() -> "refused"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(MpregException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.OVERLOADED)))
                .verify(WAIT);
        assertThat(executor.stats()).isEqualTo(new BlockingExecutor.Stats(1, 1, 1, 1, 1, executor.virtualThreads()));

        release.countDown();
        first.verify(WAIT);
        queued.verify(WAIT);
    }

    @Test
    void cancellingACallInterruptsItsWorker() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Disposable call = executor.submit(() -> {
            running.countDown();
            try {
                new CountDownLatch(1).await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return "done";
        }).subscribe();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        call.dispose();

        await().atMost(WAIT).untilTrue(interrupted);
    }

    @Test
    void aTaskFailureIsPassedOnAndANullResultCompletesEmpty() {
        StepVerifier.create(executor.submit(() -> {
            throw new IllegalStateException("boom");
        })).expectErrorMessage("boom").verify(WAIT);
        StepVerifier.create(executor.submit(() -> null)).expectComplete().verify(WAIT);
    }

    @Test
    void aClosedExecutorRefusesCalls() {
        executor.close();

        StepVerifier.create(executor.submit(() -> "late"))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("shutting down"))
                .verify(WAIT);
    }

    @Test
    void aQueueOfZeroRefusesAsSoonAsAllWorkersAreBusy() throws InterruptedException {
        try (BlockingExecutor noQueue = BlockingExecutor.create(1, 0)) {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            noQueue.submit(() -> {
                running.countDown();
                return release.await(10, TimeUnit.SECONDS);
            }).subscribe(result -> { }, failure -> { });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            StepVerifier.create(noQueue.submit(() -> "refused"))
                    .expectErrorSatisfies(error -> assertThat(((MpregException) error).kind())
                            .isEqualTo(ErrorKind.OVERLOADED))
                    .verify(WAIT);
            release.countDown();
        }
    }

    @Test
    void invalidSizesAreRejected() {
        assertThatThrownBy(() -> BlockingExecutor.create(0, 1)).hasMessageContaining("maxConcurrency");
        assertThatThrownBy(() -> BlockingExecutor.create(1, -1)).hasMessageContaining("queueCapacity");
    }
}
