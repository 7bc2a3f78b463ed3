/** JMH benchmarks of the pub/sub machinery. */
@NullMarked
package io.mpreg.benchmarks.pubsub;

import org.jspecify.annotations.NullMarked;
