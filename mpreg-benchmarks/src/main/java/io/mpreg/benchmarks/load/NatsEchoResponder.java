package io.mpreg.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;

/**
 * The NATS side of the comparison: answers every request on subject
 * {@value #SUBJECT} with its own data, like MPREG's built-in {@code echo}.
 *
 * <p>Run as its own process (as the MPREG node is), so that neither system's
 * server side shares a JVM with the load generator:
 * {@code java -cp ... io.mpreg.benchmarks.load.NatsEchoResponder nats://127.0.0.1:4222}.
 * Prints {@code READY} once subscribed, then serves until the process is stopped.
 */
public final class NatsEchoResponder {

    /** The subject requests are sent on. */
    public static final String SUBJECT = "echo";

    private NatsEchoResponder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: NatsEchoResponder nats://127.0.0.1:4222");
            System.exit(2);
        }
        Connection connection = Nats.connect(args[0]);
        Dispatcher dispatcher = connection.createDispatcher(
                request -> connection.publish(request.getReplyTo(), request.getData()));
        dispatcher.subscribe(SUBJECT);
        connection.flush(Duration.ofSeconds(5));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        System.out.println("READY subject=" + SUBJECT + " url=" + args[0]);
        stopped.await();
    }
}
