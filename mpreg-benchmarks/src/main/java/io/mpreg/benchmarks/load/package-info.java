/**
 * The end-to-end load generator: keeps a fixed number of {@code echo} requests
 * in flight against a running MPREG node (JSON over WebSocket) or against NATS
 * request-reply, and reports throughput and latency percentiles.
 *
 * <p>Run by {@code mpreg-benchmarks/run-load.sh}, which starts both servers and
 * prints MPREG's figures as a ratio of NATS's measured in the same run.
 */
@NullMarked
package io.mpreg.benchmarks.load;

import org.jspecify.annotations.NullMarked;
