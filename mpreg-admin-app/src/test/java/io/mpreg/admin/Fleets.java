package io.mpreg.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.mpreg.admin.model.ClusterReport;
import io.mpreg.admin.model.ClusterSnapshot;
import io.mpreg.admin.model.ClusterSnapshots;
import io.mpreg.admin.model.FleetSnapshot;
import io.mpreg.admin.model.FunctionReport;
import io.mpreg.admin.model.MemberReport;
import io.mpreg.admin.model.MemberStatus;
import io.mpreg.admin.model.NodeReading;
import org.jspecify.annotations.Nullable;

/** Test data: cluster reports and fleets in the shape of {@code mpreg.cluster}. */
public final class Fleets {

    private Fleets() {
    }

    /** A member with the given state. */
    public static MemberReport member(String id, MemberStatus status) {
        return new MemberReport(id, status, 1, List.of("cpu"), 0.5, "ws://127.0.0.1:1/mpreg", null, 10);
    }

    /** A report of these members, all offering {@code echo}; the first one answers. */
    public static ClusterReport report(List<MemberReport> members) {
        List<String> ids = members.stream().map(MemberReport::id).toList();
        return new ClusterReport(members.get(0), members,
                List.of(new FunctionReport("echo", "1.0.0", List.of(), true, ids)));
    }

    /** {@code count} members named {@code node-000}... in the given state. */
    public static ClusterReport report(int count, MemberStatus status) {
        return report(IntStream.range(0, count).mapToObj(i -> member(String.format("node-%03d", i), status))
                .toList());
    }

    /** A fleet of one cluster built from the report. */
    public static FleetSnapshot fleet(String cluster, ClusterReport report, Instant now) {
        return fleet(cluster, report, Map.of(), now, null);
    }

    /** A fleet of one cluster built from the report and readings, after a previous snapshot. */
    public static FleetSnapshot fleet(String cluster, ClusterReport report, Map<String, NodeReading> readings,
            Instant now, @Nullable ClusterSnapshot previous) {
        return new FleetSnapshot(1, now, List.of(ClusterSnapshots.fromReport(cluster, null, previous, report,
                readings, now)));
    }
}
