package io.mpreg.benchmarks.load;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The CPU time a process has used so far, in nanoseconds, as the operating
 * system reports it ({@link ProcessHandle.Info#totalCpuDuration()}, user and
 * system time of all its threads); {@link #UNKNOWN} when it cannot be read.
 * On a machine shared with other work, CPU time per message is steadier than
 * messages per second: it counts what one message costs, not how much of the
 * machine the process happened to get.
 */
final class ProcessCpu {

    /** Returned when a process's CPU time cannot be read (it has ended, or the system does not say). */
    static final long UNKNOWN = -1;

    private ProcessCpu() {
    }

    /** The CPU time of this process. */
    static LongSupplier self() {
        ProcessHandle self = ProcessHandle.current();
        return () -> nanos(self);
    }

    /** The CPU time of the process with the given id. */
    static LongSupplier ofPid(long pid) {
        return () -> ProcessHandle.of(pid).map(ProcessCpu::nanos).orElse(UNKNOWN);
    }

    /** Nothing to read: every reading is {@link #UNKNOWN}. */
    static LongSupplier none() {
        return () -> UNKNOWN;
    }

    private static long nanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(UNKNOWN);
    }
}
