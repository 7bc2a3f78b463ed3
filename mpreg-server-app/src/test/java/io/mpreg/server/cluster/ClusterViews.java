package io.mpreg.server.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Reads the {@code mpreg} Actuator endpoint of the nodes of a process cluster. */
final class ClusterViews {

    private ClusterViews() {
    }

    /** The status of each member as one node sees it ({@code alive}, {@code suspect}, {@code dead}, {@code left}). */
    static Map<String, String> statuses(ServerProcess observer) {
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode member : observer.getJson("/actuator/mpreg").path("members")) {
            statuses.put(member.path("id").asString(), member.path("status").asString());
        }
        return statuses;
    }

    /** Whether every observer holds the member in one of the given statuses (absent counts as "absent"). */
    static boolean allSee(List<ServerProcess> observers, String member, String... statuses) {
        for (ServerProcess observer : observers) {
            String status = statuses(observer).getOrDefault(member, "absent");
            if (!List.of(statuses).contains(status)) {
                return false;
            }
        }
        return true;
    }

    /** The members offering the named function, as one node's catalog lists them. */
    static List<String> offering(ServerProcess observer, String function) {
        for (JsonNode entry : observer.getJson("/actuator/mpreg").path("functions")) {
            if (entry.path("name").asString().equals(function)) {
                return entry.path("nodes").valueStream().map(JsonNode::asString).toList();
            }
        }
        return List.of();
    }
}
