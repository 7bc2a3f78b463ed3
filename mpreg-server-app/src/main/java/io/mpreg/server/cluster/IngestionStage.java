package io.mpreg.server.cluster;

import java.util.List;

import io.mpreg.core.node.MpregNode;
import io.mpreg.server.demo.DemoPipeline;
import io.mpreg.spring.MpregFunction;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The pipeline's first stage, offered only by nodes holding the {@code ingestion} resource. */
@Component
@Profile("cluster-demo")
@ConditionalOnNodeResource("ingestion")
public class IngestionStage {

    private final DemoPipeline pipeline;
    private final MpregNode node;

    IngestionStage(DemoPipeline pipeline, MpregNode node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    /** Parses {@code sensor,value} lines into a batch of readings. */
    @MpregFunction(name = "pipeline.ingest", description = "Parses 'sensor,value' lines (ingestion nodes)",
            idempotent = true)
    public Batch ingest(List<String> lines) {
        return new Batch(pipeline.ingest(lines), List.of(StageTrail.step("ingest", node)));
    }
}
