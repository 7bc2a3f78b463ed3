/**
 * The process-cluster suite: real {@code mpreg-server-app} jars started as OS
 * processes on 127.0.0.1, killed with SIGKILL, stopped with SIGTERM and
 * restarted. Runs in {@code verify} (failsafe), after the jar is packaged.
 */
@NullMarked
package io.mpreg.server.cluster;

import org.jspecify.annotations.NullMarked;
