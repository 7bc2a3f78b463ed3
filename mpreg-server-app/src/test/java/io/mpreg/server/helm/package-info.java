/** Tests of the Helm chart in helm/mpreg: lint, render with each value set, check the rendered objects. */
@NullMarked
package io.mpreg.server.helm;

import org.jspecify.annotations.NullMarked;
