package io.mpreg.spring.actuate;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.mpreg.core.cluster.MemberStatus;
import io.mpreg.core.fabric.ClusterStats;
import io.mpreg.core.fabric.NodeCluster;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.node.MpregNode;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code mpreg} Actuator endpoint ({@code GET /actuator/mpreg}): the node,
 * the members it knows (state, incarnation, resources, load, URLs, how long ago
 * it last heard from each) and the catalog of functions with the members
 * offering each, as the built-in function {@code mpreg.cluster} answers them;
 * plus the node's cluster counters under {@code stats}, including remote calls
 * by peer and outcome (kept out of the meters' tags, whose values must stay
 * bounded); and its pub/sub subscriptions under {@code subscriptions} (see
 * {@link SubscriptionsSection}).
 */
@Endpoint(id = "mpreg")
public class MpregEndpoint {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final MpregNode node;

    public MpregEndpoint(MpregNode node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The node, its members, the catalog, the cluster's counters and the subscriptions. */
    @ReadOperation
    public ObjectNode cluster() {
        ObjectNode description = node.cluster().map(MpregEndpoint::describe).orElseGet(this::alone);
        description.set("subscriptions", SubscriptionsSection.describe(node.config().name(), node.pubSub()));
        return description;
    }

    private static ObjectNode describe(NodeCluster cluster) {
        ObjectNode description = cluster.describe().deepCopy();
        description.put("clustered", true);
        description.set("stats", stats(cluster.stats()));
        return description;
    }

    private ObjectNode alone() {
        ObjectNode description = JSON.objectNode();
        description.put("clustered", false);
        ObjectNode self = description.putObject("self");
        self.put("id", node.config().name());
        ArrayNode resources = self.putArray("resources");
        node.config().resources().stream().sorted().forEach(resources::add);
        ArrayNode functions = description.putArray("functions");
        for (FunctionDescriptor function : node.registry().descriptors()) {
            functions.addObject().put("name", function.name()).put("version", function.version())
                    .put("idempotent", function.idempotent());
        }
        return description;
    }

    private static ObjectNode stats(ClusterStats stats) {
        ObjectNode json = JSON.objectNode();
        ObjectNode members = json.putObject("members");
        for (MemberStatus status : MemberStatus.values()) {
            members.put(status.wireName(), stats.membersByStatus().getOrDefault(status, 0));
        }
        json.putObject("gossip")
                .put("messagesSent", stats.messagesSent())
                .put("messagesReceived", stats.messagesReceived())
                .put("bytesSent", stats.bytesSent())
                .put("bytesReceived", stats.bytesReceived());
        json.putObject("probeRtt")
                .put("count", stats.probeRtt().count())
                .put("p50Millis", millis(stats.probeRtt().p50().toNanos()))
                .put("p99Millis", millis(stats.probeRtt().p99().toNanos()))
                .put("maxMillis", millis(stats.probeRtt().max().toNanos()));
        ObjectNode remoteCalls = json.putObject("remoteCalls");
        new TreeMap<>(stats.remoteCalls()).forEach((peer, byOutcome) -> {
            ObjectNode outcomes = remoteCalls.putObject(peer);
            new TreeMap<>(byOutcome).forEach(outcomes::put);
        });
        return json;
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
