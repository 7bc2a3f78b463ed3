package io.mpreg.core.node;

import io.mpreg.core.fabric.NodeCluster;
import io.mpreg.core.fabric.internal.ClusterDescription;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.function.FunctionInvoker;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The built-in {@code mpreg.cluster()}: this node's description of its
 * cluster (itself alone when not clustered). Runs on the node asked, never
 * routed, and is left out of the gossiped catalog.
 */
final class ClusterIntrospection {

    static final FunctionDescriptor DESCRIPTOR = FunctionDescriptor.of(ClusterDescription.FUNCTION)
            .withIdempotent(true)
            .withDescription("Describes the cluster as this node sees it: itself, the members and the functions.");

    private ClusterIntrospection() {
    }

    static FunctionInvoker invoker(MpregNode node) {
        return (args, kwargs) -> Mono.fromSupplier(() -> describe(node));
    }

    private static JsonNode describe(MpregNode node) {
        return node.cluster().map(NodeCluster::describe).orElseGet(() -> ClusterDescription.standalone(
                node.config().name(), node.config().listen() ? node.url() : null, node.config().resources(),
                node.registry().descriptors()));
    }
}
