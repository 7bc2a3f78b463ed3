/** The protocol's error kinds and MPREG's single exception type. */
@NullMarked
package io.mpreg.core.error;

import org.jspecify.annotations.NullMarked;
