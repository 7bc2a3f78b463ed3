/**
 * The client wire protocol: JSON frames decoded by role into messages and
 * encoded back, with validation that names every bad field.
 */
@NullMarked
package io.mpreg.core.wire;

import org.jspecify.annotations.NullMarked;
