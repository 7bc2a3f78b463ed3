package io.mpreg.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.mpreg.admin.model.ClusterReport;
import io.mpreg.admin.model.MemberReport;
import io.mpreg.admin.model.MemberStatus;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.node.MpregNode;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two real MPREG nodes on 127.0.0.1 and ephemeral ports, each serving a
 * {@code mpreg.cluster} function that answers the report a test sets: a
 * three-member cluster "small" and a 200-member cluster "big". Until
 * clustered nodes answer {@code mpreg.cluster} themselves, the report is test
 * data; the socket, the client and the protocol are real.
 */
public final class FakeClusters implements AutoCloseable {

    /** The one instance of the test JVM, shared by the admin app's test contexts. */
    public static final FakeClusters INSTANCE = new FakeClusters();

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final AtomicReference<ClusterReport> small = new AtomicReference<>(Fleets.report(3, MemberStatus.ALIVE));
    private final AtomicReference<ClusterReport> big = new AtomicReference<>(Fleets.report(200, MemberStatus.ALIVE));
    private final MpregNode smallNode = start("small-0", small);
    private final MpregNode bigNode = start("big-0", big);

    private FakeClusters() {
    }

    private MpregNode start(String name, AtomicReference<ClusterReport> report) {
        return MpregNode.builder().name(name).host("127.0.0.1").port(0)
                .function(FunctionDescriptor.of(ClusterReport.FUNCTION),
                        (args, kwargs) -> Mono.fromSupplier(() -> mapper.valueToTree(report.get())))
                .start();
    }

    /** The URL of the node answering for cluster "small". */
    public String smallUrl() {
        return smallNode.url();
    }

    /** The URL of the node answering for cluster "big". */
    public String bigUrl() {
        return bigNode.url();
    }

    /** Sets the state of one member of cluster "small" ({@code node-000} to {@code node-002}). */
    public void setSmallMember(String id, MemberStatus status) {
        small.updateAndGet(report -> {
            List<MemberReport> members = new ArrayList<>();
            for (MemberReport member : report.members()) {
                members.add(member.id().equals(id) ? Fleets.member(id, status) : member);
            }
            return Fleets.report(members);
        });
    }

    @Override
    public void close() {
        smallNode.close();
        bigNode.close();
    }
}
