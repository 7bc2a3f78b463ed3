package io.mpreg.server.cluster;

import io.mpreg.core.node.MpregNode;
import io.mpreg.server.demo.DemoPipeline;
import io.mpreg.spring.MpregFunction;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The pipeline's third stage, offered only by nodes holding the {@code analytics} resource. */
@Component
@Profile("cluster-demo")
@ConditionalOnNodeResource("analytics")
public class AnalyticsStage {

    private final DemoPipeline pipeline;
    private final MpregNode node;

    AnalyticsStage(DemoPipeline pipeline, MpregNode node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    /** Summarises a batch's readings. */
    @MpregFunction(name = "pipeline.analyze", description = "Summarises readings (analytics nodes)",
            idempotent = true)
    public Analysis analyze(Batch batch) {
        return new Analysis(pipeline.stats(batch.readings()),
                StageTrail.append(batch.trail(), StageTrail.step("analyze", node)));
    }
}
