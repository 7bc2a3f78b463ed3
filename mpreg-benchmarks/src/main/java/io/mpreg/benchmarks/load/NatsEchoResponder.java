package io.mpreg.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;

/**
 * The NATS side of the comparison: answers every request on subject
 * {@value #SUBJECT} with its own data, like MPREG's built-in {@code echo}.
 *
 * <p>run-load.sh runs it as its own process (as the MPREG node is), so that
 * neither system's server side shares a JVM with the load generator:
 * {@code java -cp ... io.mpreg.benchmarks.load.NatsEchoResponder nats://127.0.0.1:4222}.
 * It prints {@code READY} once subscribed, then serves until the process is stopped.
 */
public final class NatsEchoResponder implements AutoCloseable {

    /** The subject requests are sent on. */
    public static final String SUBJECT = "echo";

    private final Connection connection;

    private NatsEchoResponder(Connection connection) {
        this.connection = connection;
    }

    /** Connects and subscribes; returns once the server has the subscription. */
    public static NatsEchoResponder start(String url) throws IOException, InterruptedException, TimeoutException {
        Connection connection = Nats.connect(url);
        Dispatcher dispatcher = connection.createDispatcher(
                request -> connection.publish(request.getReplyTo(), request.getData()));
        dispatcher.subscribe(SUBJECT);
        connection.flush(Duration.ofSeconds(5));
        return new NatsEchoResponder(connection);
    }

    @Override
    public void close() throws InterruptedException {
        connection.close();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: NatsEchoResponder nats://127.0.0.1:4222");
            System.exit(2);
        }
        NatsEchoResponder responder = start(args[0]);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                responder.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        System.out.println("READY subject=" + SUBJECT + " url=" + args[0]);
        stopped.await();
    }
}
