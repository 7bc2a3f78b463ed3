package io.mpreg.core.fabric.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.mpreg.core.cluster.ClusterView;
import io.mpreg.core.cluster.FunctionEntry;
import io.mpreg.core.cluster.Member;
import io.mpreg.core.cluster.MemberStatus;
import io.mpreg.core.cluster.Offer;
import io.mpreg.core.function.FunctionDescriptor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON answered by the built-in {@code mpreg.cluster}:
 * {@code {"self": {...}, "members": [...], "functions": [...]}}, for a
 * clustered node from its view and for a node running alone from its registry.
 */
public final class ClusterDescription {

    /** The name of the built-in introspection function (node-local: never in the catalog). */
    public static final String FUNCTION = "mpreg.cluster";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ClusterDescription() {
    }

    /** A clustered node's description; {@code lastSeenNanos} holds when each peer was last heard from. */
    static ObjectNode of(String clusterId, ClusterView view, Map<String, Long> lastSeenNanos, long nowNanos) {
        ObjectNode root = JSON.objectNode();
        ArrayNode members = JSON.arrayNode();
        for (Member member : view.members().values()) {
            Long seen = member.local() ? Long.valueOf(nowNanos) : lastSeenNanos.get(member.id());
            ObjectNode json = member(member, seen == null ? null : (nowNanos - seen) / 1_000_000);
            members.add(json);
            if (member.local()) {
                root.set("self", member(member, 0L).put("cluster", clusterId));
            }
        }
        root.set("members", members);
        Map<String, FunctionJson> functions = new TreeMap<>();
        for (String name : view.functionNames()) {
            for (Offer offer : view.offers(name)) {
                FunctionEntry f = offer.function();
                functions.computeIfAbsent(f.name() + "\u0000" + f.version(), key -> new FunctionJson(f))
                        .nodes().add(offer.member().id());
            }
        }
        root.set("functions", functionsJson(functions.values()));
        return root;
    }

    /** A node running alone: itself as the only member, its own functions. */
    public static ObjectNode standalone(String name, @Nullable String url, Collection<String> resources,
            List<FunctionDescriptor> descriptors) {
        ObjectNode self = JSON.objectNode();
        self.put("id", name);
        self.put("status", MemberStatus.ALIVE.wireName());
        self.put("incarnation", 0);
        strings(self.putArray("resources"), resources.stream().sorted().toList());
        self.put("load", 0);
        self.put("url", url);
        self.putNull("managementUrl");
        self.put("lastSeenMillisAgo", 0);
        ObjectNode root = JSON.objectNode();
        root.set("self", self.deepCopy().put("cluster", (String) null));
        root.putArray("members").add(self);
        Map<String, FunctionJson> functions = new TreeMap<>();
        for (FunctionDescriptor d : descriptors) {
            if (d.name().equals(FUNCTION)) {
                continue;
            }
            FunctionEntry entry = FunctionEntry.of(d.name(), d.version(), d.resources(), d.description())
                    .withIdempotent(d.idempotent());
            functions.put(d.name() + "\u0000" + d.version(), new FunctionJson(entry));
            functions.get(d.name() + "\u0000" + d.version()).nodes().add(name);
        }
        root.set("functions", functionsJson(functions.values()));
        return root;
    }

    private static ObjectNode member(Member member, @Nullable Long lastSeenMillisAgo) {
        ObjectNode json = JSON.objectNode();
        json.put("id", member.id());
        json.put("status", member.status().wireName());
        json.put("incarnation", member.record().incarnation());
        strings(json.putArray("resources"), member.info().resources());
        json.put("load", member.load());
        json.put("url", member.info().clientUrl() != null ? member.info().clientUrl() : member.info().address());
        json.put("managementUrl", member.info().managementUrl());
        if (lastSeenMillisAgo == null) {
            json.putNull("lastSeenMillisAgo");
        } else {
            json.put("lastSeenMillisAgo", lastSeenMillisAgo);
        }
        return json;
    }

    private static ArrayNode functionsJson(Collection<FunctionJson> functions) {
        ArrayNode array = JSON.arrayNode();
        for (FunctionJson f : functions) {
            ObjectNode json = array.addObject();
            json.put("name", f.entry().name());
            json.put("version", f.entry().version());
            strings(json.putArray("resources"), f.entry().resources());
            json.put("idempotent", f.entry().idempotent());
            strings(json.putArray("nodes"), f.nodes());
        }
        return array;
    }

    private static void strings(ArrayNode array, Iterable<String> values) {
        for (String value : values) {
            array.add(value);
        }
    }

    private record FunctionJson(FunctionEntry entry, List<String> nodes) {
        FunctionJson(FunctionEntry entry) {
            this(entry, new ArrayList<>());
        }
    }
}
