package io.mpreg.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;

/**
 * Turns the server's abrupt close of a connection into a lingering one: the
 * output is shut down (so the close frame already written is followed by FIN)
 * and the socket closes once the peer closes too, or after the linger time.
 *
 * <p>Netty closes a WebSocket right after writing the 1009 close frame for an
 * oversize frame. If the client is still sending that frame, the kernel
 * answers the unread data with RST, and the client may drop the close frame
 * before reading it, seeing no status at all. Sits first in the pipeline.
 */
final class LingeringCloseHandler extends ChannelOutboundHandlerAdapter {

    static final String NAME = "mpreg.lingeringClose";

    private final long lingerMillis;
    private boolean lingering;

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
