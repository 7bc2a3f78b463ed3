/** Tests of the server's container image, built by Jib from the parent's configuration. */
@NullMarked
package io.mpreg.server.image;

import org.jspecify.annotations.NullMarked;
