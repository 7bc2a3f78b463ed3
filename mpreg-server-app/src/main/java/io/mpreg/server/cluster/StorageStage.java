package io.mpreg.server.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.mpreg.core.node.MpregNode;
import io.mpreg.server.demo.DemoPipeline;
import io.mpreg.spring.MpregFunction;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The pipeline's last stage, offered only by nodes holding the
 * {@code storage} resource: keeps the latest reports in memory.
 */
@Component
@Profile("cluster-demo")
@ConditionalOnNodeResource("storage")
public class StorageStage {

    /** How many reports are kept; older ones are dropped. */
    static final int CAPACITY = 100;

    private final DemoPipeline pipeline;
    private final MpregNode node;
    private final AtomicReference<List<String>> reports = new AtomicReference<>(List.of());

    StorageStage(DemoPipeline pipeline, MpregNode node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    /** Formats the analysis as a report line and stores it. */
    @MpregFunction(name = "pipeline.store", description = "Stores a report of an analysis (storage nodes)")
    public Receipt store(String title, Analysis analysis) {
        String report = pipeline.report(title, analysis.summary());
        List<String> now = reports.updateAndGet(kept -> {
            List<String> next = new ArrayList<>(kept.subList(Math.max(0, kept.size() + 1 - CAPACITY), kept.size()));
            next.add(report);
            return List.copyOf(next);
        });
        return new Receipt(report, now.size(), StageTrail.append(analysis.trail(), StageTrail.step("store", node)));
    }

    /** The reports stored, oldest first. */
    @MpregFunction(name = "pipeline.reports", description = "Lists the stored reports (storage nodes)",
            idempotent = true)
    public List<String> reports() {
        return reports.get();
    }
}
