package io.mpreg.core.node;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.mpreg.core.transport.WebSocketClient;
import io.mpreg.core.transport.WebSocketClientConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A test client that sends raw JSON text and reads the node's frames as JSON, one at a time. */
final class JsonSocket implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocketClientConnection connection;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

    private JsonSocket(WebSocketClientConnection connection) {
        this.connection = connection;
        connection.inbound().map(JSON::readTree).subscribe(received::add);
    }

    static JsonSocket open(String url) {
        return new JsonSocket(WebSocketClient.create().connect(url).block(WAIT));
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    JsonSocket send(String text) {
        connection.send(text);
        return this;
    }

    /** The next frame received; fails after the wait. */
    JsonNode next() {
        try {
            JsonNode frame = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The frames received so far and not yet read. */
    int pending() {
        return received.size();
    }

    @Override
    public void close() {
        connection.close();
    }
}
