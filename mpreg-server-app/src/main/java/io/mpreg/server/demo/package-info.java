/**
 * Example functions offered when the {@code demo} profile is active: a small
 * data pipeline and functions that fail or take their time, for trying the
 * protocol out.
 */
@NullMarked
package io.mpreg.server.demo;

import org.jspecify.annotations.NullMarked;
