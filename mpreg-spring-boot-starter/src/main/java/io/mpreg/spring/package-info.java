/**
 * Spring Boot integration of MPREG: {@link io.mpreg.spring.MpregFunction}
 * turns bean methods into cluster functions.
 */
@NullMarked
package io.mpreg.spring;

import org.jspecify.annotations.NullMarked;
