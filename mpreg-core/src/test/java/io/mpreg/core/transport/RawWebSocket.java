package io.mpreg.core.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/** A test client speaking raw frames, for what the production client never sends (fragments, huge frames). */
final class RawWebSocket {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private RawWebSocket() {
    }

    /** Sends the frames and returns the first text message received. */
    static String sendAndReceiveOne(String url, List<WebSocketFrame> frames) {
        return client().uri(url)
                .handle((in, out) -> Flux.merge(
                        out.sendObject(Flux.fromIterable(frames)).then().then(Mono.<String>empty()),
                        in.receiveFrames().map(frame -> frame.content().toString(StandardCharsets.UTF_8)).take(1)))
                .blockFirst(WAIT);
    }

    /** Sends the frames and returns the close status the server sends back. */
    static WebSocketCloseStatus sendAndAwaitClose(String url, List<WebSocketFrame> frames) {
        return client().uri(url)
                .handle((in, out) -> Flux.merge(
                        out.sendObject(Flux.fromIterable(frames)).then()
                                .onErrorResume(error -> Mono.empty())
                                .then(Mono.<WebSocketCloseStatus>empty()),
                        in.receiveCloseStatus()).take(1))
                .blockFirst(WAIT);
    }

    private static HttpClient.WebsocketSender client() {
        return HttpClient.create()
                .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(64 * 1024 * 1024).build());
    }
}
