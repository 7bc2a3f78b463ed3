package io.mpreg.server.cluster;

import java.util.List;

import io.mpreg.server.demo.Summary;

/**
 * The statistics of a batch, with the stages it passed.
 *
 * @param summary the statistics
 * @param trail   one {@code stage@node} entry per stage passed, in order
 */
public record Analysis(Summary summary, List<String> trail) {

    public Analysis {
        trail = List.copyOf(trail);
    }
}
