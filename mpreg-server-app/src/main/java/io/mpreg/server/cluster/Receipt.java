package io.mpreg.server.cluster;

import java.util.List;

/**
 * What the storage stage answers for a stored report.
 *
 * @param report the report line stored
 * @param stored how many reports the storage node holds now
 * @param trail  one {@code stage@node} entry per stage passed, in order, the storage stage last
 */
public record Receipt(String report, int stored, List<String> trail) {

    public Receipt {
        trail = List.copyOf(trail);
    }
}
