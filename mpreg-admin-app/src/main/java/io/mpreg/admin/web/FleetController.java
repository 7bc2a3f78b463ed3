package io.mpreg.admin.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.mpreg.admin.model.ClusterSnapshot;
import io.mpreg.admin.model.FleetModel;
import io.mpreg.admin.model.FleetSnapshot;
import io.mpreg.admin.model.FunctionView;
import io.mpreg.admin.model.MetricPoint;
import io.mpreg.admin.model.NodeView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The live model: topology, one node's details and recent figures, and the function catalog. */
@RestController
@RequestMapping("/api")
class FleetController {

    private final FleetModel model;

    FleetController(FleetModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Every watched cluster now. */
    @GetMapping("/fleet")
    FleetSnapshot fleet() {
        return model.current();
    }

    /** One member of one cluster. */
    @GetMapping("/clusters/{cluster}/nodes/{node}")
    NodeView node(@PathVariable String cluster, @PathVariable String node) {
        return cluster(cluster).node(node).orElseThrow(() -> notFound("no member '" + node + "' in cluster '"
                + cluster + "'"));
    }

    /** A member's key figures over the last polls, oldest first. */
    @GetMapping("/clusters/{cluster}/nodes/{node}/history")
    List<MetricPoint> history(@PathVariable String cluster, @PathVariable String node) {
        node(cluster, node);
        return model.history(cluster, node);
    }

    /** The links between a cluster's members (derived: every two alive members). */
    @GetMapping("/clusters/{cluster}/links")
    List<ClusterSnapshot.Link> links(@PathVariable String cluster) {
        return cluster(cluster).links();
    }

    /**
     * The function catalog of every cluster, filtered by a search text that a
     * function's name, version, resources or nodes must contain (ignoring case).
     */
    @GetMapping("/functions")
    List<FunctionView> functions(@RequestParam(name = "q", defaultValue = "") String query) {
        String needle = query.trim().toLowerCase(Locale.ROOT);
        return model.current().clusters().stream()
                .flatMap(cluster -> cluster.functions().stream())
                .filter(function -> needle.isEmpty() || matches(function, needle))
                .toList();
    }

    private static boolean matches(FunctionView function, String needle) {
        return function.name().toLowerCase(Locale.ROOT).contains(needle)
                || function.version().toLowerCase(Locale.ROOT).contains(needle)
                || function.resources().stream().anyMatch(resource -> resource.toLowerCase(Locale.ROOT)
                        .contains(needle))
                || function.nodes().stream().anyMatch(node -> node.toLowerCase(Locale.ROOT).contains(needle));
    }

    private ClusterSnapshot cluster(String name) {
        return model.current().cluster(name).orElseThrow(() -> notFound("no watched cluster '" + name + "'"));
    }

    private static ResponseStatusException notFound(String reason) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, reason);
    }
}
