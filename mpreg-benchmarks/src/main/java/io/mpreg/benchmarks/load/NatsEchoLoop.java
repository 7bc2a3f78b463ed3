package io.mpreg.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.jspecify.annotations.Nullable;

/**
 * A closed loop of NATS requests on subject {@value NatsEchoResponder#SUBJECT},
 * answered by a {@link NatsEchoResponder}: each completed future sends the next
 * request, so exactly the configured number stays outstanding.
 */
final class NatsEchoLoop implements ClosedLoop {

    /** A request unanswered this long counts as failed (and frees its slot). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Connection connection;
    private final int inFlight;
    private final byte[] payload;
    private final LatencyRecorder recorder;
    private final LongSupplier nanoTime;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final LongAdder sent = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean stopping;

    private NatsEchoLoop(Connection connection, int inFlight, byte[] payload, LatencyRecorder recorder,
                         LongSupplier nanoTime) {
        this.connection = connection;
        this.inFlight = inFlight;
        this.payload = payload;
        this.recorder = recorder;
        this.nanoTime = nanoTime;
    }

    static NatsEchoLoop connect(String url, int inFlight, byte[] payload, LatencyRecorder recorder,
                                LongSupplier nanoTime) throws IOException, InterruptedException {
        Connection connection = Nats.connect(new Options.Builder().server(url).connectionName("mpreg-load").build());
        return new NatsEchoLoop(connection, inFlight, payload, recorder, nanoTime);
    }

    @Override
    public void start() {
        outstanding.addAndGet(inFlight);
        for (int i = 0; i < inFlight; i++) {
            send();
        }
    }

    @Override
    public boolean stop(Duration timeout) throws InterruptedException {
        stopping = true;
        if (outstanding.get() == 0) {
            drained.complete(null);
        }
        try {
            drained.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("draining failed", e.getCause());
        }
    }

    @Override
    public long sent() {
        return sent.sum();
    }

    @Override
    public long completed() {
        return completed.sum();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send() {
        long sentAt = nanoTime.getAsLong();
        sent.increment();
        connection.requestWithTimeout(NatsEchoResponder.SUBJECT, payload, REQUEST_TIMEOUT)
                .whenComplete((reply, failure) -> onReply(sentAt, reply, failure));
    }

    private void onReply(long sentAt, @Nullable Message reply, @Nullable Throwable failure) {
        long now = nanoTime.getAsLong();
        completed.increment();
        if (failure == null && reply != null && Arrays.equals(reply.getData(), payload)) {
            recorder.recordSuccess(now - sentAt);
        } else {
            recorder.recordError();
        }
        if (!stopping) {
            send();
        } else if (outstanding.decrementAndGet() == 0) {
            drained.complete(null);
        }
    }
}
