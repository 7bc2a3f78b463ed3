/**
 * The admin app against real {@code mpreg-server-app} processes (failsafe, after the server jar is
 * packaged), started with the server app's process-cluster harness.
 */
@NullMarked
package io.mpreg.admin.process;

import org.jspecify.annotations.NullMarked;
