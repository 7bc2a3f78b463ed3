package io.mpreg.core.transport.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;

/**
 * Turns an abrupt close into a lingering one: the output is shut down (the
 * close frame already written is followed by FIN), and the socket is closed
 * only once the peer has closed too or the linger time has passed.
 *
 * <p>Without it, closing a socket whose peer is still sending (a client in
 * the middle of an oversize frame) makes the kernel answer with RST, and the
 * peer's TCP stack may discard the close frame with status 1009 before its
 * application reads it. Sits first in the pipeline, next to the socket.
 */
final class LingeringCloseHandler extends ChannelOutboundHandlerAdapter {

    /** The handler's name in a channel pipeline. */
    static final String NAME = "mpreg.lingeringClose";

    /** How long a closing connection waits for its peer to close first. */
    static final Duration DEFAULT_LINGER = Duration.ofSeconds(2);

    private final long lingerMillis;
    private boolean lingering;

    /** A handler that waits at most {@code linger} for the peer to close. */
    LingeringCloseHandler(Duration linger) {
        this.lingerMillis = linger.toMillis();
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        Channel channel = ctx.channel();
        if (lingering || !channel.isActive() || !(channel instanceof DuplexChannel duplex)
                || duplex.isOutputShutdown()) {
            ctx.close(promise);
            return;
        }
        lingering = true;
        channel.closeFuture().addListener(closed -> promise.trySuccess());
        duplex.shutdownOutput().addListener(shutdown -> {
            var deadline = ctx.executor().schedule(() -> ctx.close(), lingerMillis, TimeUnit.MILLISECONDS);
            channel.closeFuture().addListener(closed -> deadline.cancel(false));
        });
    }
}
