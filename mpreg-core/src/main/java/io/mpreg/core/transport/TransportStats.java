package io.mpreg.core.transport;

/**
 * A point-in-time snapshot of a server's or a connector's counters.
 *
 * @param openConnections    connections open right now
 * @param acceptedConnections connections opened since start
 * @param framesIn           complete (aggregated) data frames received
 * @param framesOut          data frames sent
 * @param oversizeCloses     connections closed with status 1009 because a frame exceeded the limit
 * @param idleCloses         connections closed because nothing arrived within the idle timeout
 */
public record TransportStats(
        int openConnections,
        long acceptedConnections,
        long framesIn,
        long framesOut,
        long oversizeCloses,
        long idleCloses) {
}
