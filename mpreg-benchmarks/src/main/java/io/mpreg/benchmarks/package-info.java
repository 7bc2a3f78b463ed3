/** JMH benchmarks of the engine's hot paths. */
@NullMarked
package io.mpreg.benchmarks;

import org.jspecify.annotations.NullMarked;
