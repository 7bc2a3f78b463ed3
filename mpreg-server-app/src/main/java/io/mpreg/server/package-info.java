/** The reference MPREG node application. */
@NullMarked
package io.mpreg.server;

import org.jspecify.annotations.NullMarked;
