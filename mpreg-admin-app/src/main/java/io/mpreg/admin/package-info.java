/**
 * The MPREG operations app: it joins no cluster as a worker but watches one
 * or more clusters as a client, keeps a live model of each, evaluates alert
 * rules against it and serves a web UI, a REST API and a stream of changes.
 */
@NullMarked
package io.mpreg.admin;

import org.jspecify.annotations.NullMarked;
