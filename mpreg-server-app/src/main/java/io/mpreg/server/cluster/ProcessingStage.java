package io.mpreg.server.cluster;

import io.mpreg.core.node.MpregNode;
import io.mpreg.server.demo.DemoPipeline;
import io.mpreg.spring.MpregFunction;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The pipeline's second stage, offered only by nodes holding the {@code processing} resource. */
@Component
@Profile("cluster-demo")
@ConditionalOnNodeResource("processing")
public class ProcessingStage {

    private final DemoPipeline pipeline;
    private final MpregNode node;

    ProcessingStage(DemoPipeline pipeline, MpregNode node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    /** Drops missing and implausible readings. */
    @MpregFunction(name = "pipeline.clean", description = "Drops missing and implausible readings (processing nodes)",
            idempotent = true)
    public Batch clean(Batch batch) {
        return batch.next(pipeline.clean(batch.readings()), StageTrail.step("clean", node));
    }
}
