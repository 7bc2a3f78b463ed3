package io.mpreg.core.transport.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the single frames that Netty's decoder rejects for exceeding the
 * frame limit (it closes those connections with 1009 itself), and keeps the
 * expected rejection out of the error log. Sits right after the decoder.
 */
final class OversizeFrameCounter extends ChannelInboundHandlerAdapter {

    static final String NAME = "mpreg.oversizeFrameCounter";
    private static final Logger log = LoggerFactory.getLogger(OversizeFrameCounter.class);

    private final TransportCounters counters;
    private final String peer;

    OversizeFrameCounter(TransportCounters counters, String peer) {
        this.counters = counters;
        this.peer = peer;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException corrupted
                && corrupted.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
            counters.oversizeClose();
            log.info("Closed connection {} with 1009: {}", peer, cause.getMessage());
            return;
        }
        ctx.fireExceptionCaught(cause);
    }
}
