/** How the client connects, fails over, correlates replies and reads results. */
@NullMarked
package io.mpreg.client.internal;

import org.jspecify.annotations.NullMarked;
