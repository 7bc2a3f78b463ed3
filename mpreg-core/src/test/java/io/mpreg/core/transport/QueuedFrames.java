package io.mpreg.core.transport;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/** A frame source handing out the frames queued in it, in order, counting its pulls; for tests. */
public final class QueuedFrames implements FrameSource {

    private final Queue<CharSequence> frames = new ConcurrentLinkedQueue<>();
    private volatile int pulls;

    /** Queues frames; wake the outlet afterwards for them to be pulled. */
    public QueuedFrames add(CharSequence... more) {
        frames.addAll(List.of(more));
        return this;
    }

    /** Frames not pulled yet. */
    public int waiting() {
        return frames.size();
    }

    /** How often it was pulled. */
    public int pulls() {
        return pulls;
    }

    @Override
    public boolean pull(Consumer<? super CharSequence> sink, int max) {
        pulls++;
        int handed = 0;
        for (CharSequence frame; handed < max && (frame = frames.poll()) != null; handed++) {
            sink.accept(frame);
        }
        return !frames.isEmpty();
    }
}
