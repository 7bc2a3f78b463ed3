package io.mpreg.server.cluster;

import java.util.ArrayList;
import java.util.List;

import io.mpreg.core.node.MpregNode;

/** Writes the {@code stage@node} entries of a pipeline's trail. */
final class StageTrail {

    private StageTrail() {
    }

    /** The entry for a stage run on this node. */
    static String step(String stage, MpregNode node) {
        return stage + "@" + node.config().name();
    }

    static List<String> append(List<String> trail, String step) {
        List<String> longer = new ArrayList<>(trail.size() + 1);
        longer.addAll(trail);
        longer.add(step);
        return longer;
    }
}
