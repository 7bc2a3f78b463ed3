package io.mpreg.core.transport.internal;

import io.mpreg.core.transport.ReadBatch;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Opens a {@link ReadBatch} when a socket read delivers its first bytes and
 * closes it once every handler has seen the end of the read, so the work the
 * read's frames deferred runs once per read. Sits first in the pipeline.
 *
 * <p>Internal machinery, public only so that the starter's WebFlux endpoint
 * installs the same handler on Spring's server; not an API.
 */
final class ReadBatchHandler extends ChannelInboundHandlerAdapter {

    /** The handler's name in a channel pipeline. */
    static final String NAME = "mpreg.readBatch";

    private boolean open;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!open) {
            open = true;
            ReadBatch.open();
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        try {
            ctx.fireChannelReadComplete();
        } finally {
            end();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        end();
    }

    private void end() {
        if (open) {
            open = false;
            ReadBatch.close();
        }
    }
}
