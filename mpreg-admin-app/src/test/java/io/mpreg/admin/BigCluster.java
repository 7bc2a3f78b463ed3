package io.mpreg.admin;

import java.time.Clock;
import java.util.Map;

import io.mpreg.admin.model.ClusterReport;
import io.mpreg.admin.model.ClusterSnapshots;
import io.mpreg.admin.model.FleetModel;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A 200-member cluster "big" for the UI's scale: an {@code mpreg.cluster}
 * answer in the documented JSON shape (docs/cluster.md), read as the poller
 * reads it and put straight into the model. Starting 200 nodes would test the
 * machine, not the page.
 */
public final class BigCluster {

    /** The cluster's name in the model. */
    public static final String NAME = "big";
    /** How many members it has. */
    public static final int SIZE = 200;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BigCluster() {
    }

    /** Puts the cluster, all members alive, into the model. */
    public static void feed(FleetModel model, Clock clock) {
        ClusterReport report = JsonMapper.builder().build().treeToValue(answer(), ClusterReport.class);
        model.update(ClusterSnapshots.fromReport(NAME, "us-east", null, report, Map.of(), clock.instant()));
    }

    /** What a member of the cluster would answer to {@code mpreg.cluster}. */
    static ObjectNode answer() {
        ObjectNode root = JSON.objectNode();
        ArrayNode members = root.putArray("members");
        ArrayNode echoNodes = JSON.arrayNode();
        for (int i = 0; i < SIZE; i++) {
            String id = String.format("big-%03d", i);
            ObjectNode member = members.addObject();
            member.put("id", id);
            member.put("status", "alive");
            member.put("incarnation", 0);
            member.putArray("resources").add("cpu");
            member.put("load", i % 7);
            member.put("url", "ws://10.1." + i / 250 + "." + i % 250 + ":9001/mpreg");
            member.putNull("managementUrl");
            member.put("lastSeenMillisAgo", i == 0 ? 0 : 120);
            echoNodes.add(id);
        }
        root.set("self", ((ObjectNode) members.get(0)).deepCopy().put("cluster", NAME));
        ObjectNode echo = root.putArray("functions").addObject();
        echo.put("name", "echo");
        echo.put("version", "1.0.0");
        echo.putArray("resources");
        echo.put("idempotent", false);
        echo.set("nodes", echoNodes);
        return root;
    }
}
