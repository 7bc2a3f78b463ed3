/**
 * The admin app's HTTP API under {@code /api} (model, catalog, alerts and
 * rule editing) and its stream of changes as Server-Sent Events; the web UI
 * itself is static under {@code src/main/resources/static}.
 */
@NullMarked
package io.mpreg.admin.web;

import org.jspecify.annotations.NullMarked;
