package io.mpreg.server.helm;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The value sets the chart is rendered with: its defaults and the files under helm/mpreg/ci. */
enum ValueSet {
    DEFAULTS(null, 3),
    MONITORED("ci/monitored-values.yaml", 5),
    SINGLE_NODE("ci/single-node-values.yaml", 1);

    private final @Nullable String file;
    private final int serverReplicas;

    ValueSet(@Nullable String file, int serverReplicas) {
        this.file = file;
        this.serverReplicas = serverReplicas;
    }

    /** The values file relative to the chart directory, absent for the chart's defaults. */
    Optional<Path> file(Path chartDirectory) {
        return Optional.ofNullable(file).map(chartDirectory::resolve);
    }

    /** The number of server nodes this value set asks for. */
    int serverReplicas() {
        return serverReplicas;
    }
}
