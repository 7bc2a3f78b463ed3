package io.mpreg.server.cluster;

import java.util.List;

import io.mpreg.server.demo.Reading;

/**
 * Readings on their way through the pipeline, with the stages they passed.
 *
 * @param readings the readings
 * @param trail    one {@code stage@node} entry per stage passed, in order
 */
public record Batch(List<Reading> readings, List<String> trail) {

    public Batch {
        readings = List.copyOf(readings);
        trail = List.copyOf(trail);
    }

    /** The given readings, with the step that produced them ({@code stage@node}) added to the trail. */
    Batch next(List<Reading> nextReadings, String step) {
        return new Batch(nextReadings, StageTrail.append(trail, step));
    }
}
