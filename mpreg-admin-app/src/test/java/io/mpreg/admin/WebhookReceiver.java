package io.mpreg.admin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real HTTP receiver on 127.0.0.1 and an ephemeral port that records every
 * POSTed body; it answers 500 to the first {@code failFirst} requests.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failuresLeft;
    private final DisposableServer server;

    public WebhookReceiver(int failFirst) {
        this.failuresLeft = new AtomicInteger(failFirst);
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/hook", (request, response) -> request.receive().aggregate()
                        .asString()
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            requests.incrementAndGet();
                            if (failuresLeft.getAndDecrement() > 0) {
                                return response.status(500).send().then();
                            }
                            bodies.add(body);
                            return response.status(204).send().then();
                        })
                        .then(Mono.empty())))
                .bindNow();
    }

    /** The URL to POST to. */
    public String url() {
        return "http://127.0.0.1:" + server.port() + "/hook";
    }

    /** The bodies accepted (not those answered with 500). */
    public List<String> bodies() {
        return bodies;
    }

    /** Every request received, failed ones included. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
