package io.mpreg.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * A closed loop of fixed-size messages over one plain TCP connection to a
 * {@link TcpEchoServer}. An echo keeps order, so replies are matched to requests
 * first in, first out; one thread with blocking I/O reads whatever arrived, and
 * writes all the replacement requests with one system call.
 */
final class TcpEchoLoop implements ClosedLoop {

    private final Socket socket;
    private final int inFlight;
    private final byte[] message;
    private final LatencyRecorder recorder;
    private final LongSupplier nanoTime;
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean stopping;
    private volatile long sent;
    private volatile long completed;

    private TcpEchoLoop(Socket socket, int inFlight, byte[] message, LatencyRecorder recorder, LongSupplier nanoTime) {
        this.socket = socket;
        this.inFlight = inFlight;
        this.message = message;
        this.recorder = recorder;
        this.nanoTime = nanoTime;
    }

    static TcpEchoLoop connect(InetSocketAddress address, int inFlight, byte[] message, LatencyRecorder recorder,
                               LongSupplier nanoTime) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 10_000);
        return new TcpEchoLoop(socket, inFlight, message, recorder, nanoTime);
    }

    @Override
    public void start() {
        Thread driver = new Thread(this::runUntilDrained, "tcp-echo-load");
        driver.setDaemon(true);
        driver.start();
    }

    @Override
    public boolean stop(Duration timeout) throws InterruptedException {
        stopping = true;
        try {
            drained.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the connection failed", e.getCause());
        }
    }

    @Override
    public long sent() {
        return sent;
    }

    @Override
    public long completed() {
        return completed;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new IllegalStateException("could not close the connection", e);
        }
    }

    private void runUntilDrained() {
        int size = message.length;
        long[] sentAt = new long[inFlight];
        byte[] outbound = new byte[inFlight * size];
        byte[] inbound = new byte[Math.max(64 * 1024, inFlight * size)];
        int oldest = 0;
        int outstanding = 0;
        int partial = 0;
        try (InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int toSend = inFlight;
            while (true) {
                if (toSend > 0) {
                    long now = nanoTime.getAsLong();
                    for (int i = 0; i < toSend; i++) {
                        System.arraycopy(message, 0, outbound, i * size, size);
                        sentAt[(oldest + outstanding + i) % inFlight] = now;
                    }
                    out.write(outbound, 0, toSend * size);
                    outstanding += toSend;
                    sent += toSend;
                }
                if (outstanding == 0) {
                    drained.complete(null);
                    return;
                }
                int read = in.read(inbound);
                if (read < 0) {
                    throw new IOException("the echo server closed the connection");
                }
                long now = nanoTime.getAsLong();
                int replies = (partial + read) / size;
                partial = (partial + read) % size;
                for (int i = 0; i < replies; i++) {
                    recorder.recordSuccess(now - sentAt[oldest]);
                    oldest = (oldest + 1) % inFlight;
                }
                outstanding -= replies;
                completed += replies;
                toSend = stopping ? 0 : replies;
            }
        } catch (IOException | RuntimeException e) {
            drained.completeExceptionally(e);
        }
    }
}
