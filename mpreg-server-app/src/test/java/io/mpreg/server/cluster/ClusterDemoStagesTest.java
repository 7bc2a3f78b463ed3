package io.mpreg.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.mpreg.core.node.MpregNode;
import io.mpreg.server.demo.DemoPipeline;
import io.mpreg.server.demo.Summary;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each stage of the cluster demo exists only on a node holding its resource tag, and stamps the trail. */
class ClusterDemoStagesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(DemoPipeline.class)
            .withBean(MpregNode.class, () -> MpregNode.builder().name("n1").listen(false).start())
            .withUserConfiguration(IngestionStage.class, ProcessingStage.class, AnalyticsStage.class,
                    StorageStage.class, WorkerFunctions.class)
            .withPropertyValues("spring.profiles.active=cluster-demo,demo");

    @Test
    void aNodeOffersOnlyTheStagesItsResourcesName() {
        runner.withPropertyValues("mpreg.node.resources=processing, worker").run(context -> {
            assertThat(context).hasSingleBean(ProcessingStage.class).hasSingleBean(WorkerFunctions.class);
            assertThat(context).doesNotHaveBean(IngestionStage.class).doesNotHaveBean(AnalyticsStage.class)
                    .doesNotHaveBean(StorageStage.class);
        });
    }

    @Test
    void aNodeWithoutResourcesOffersNoStage() {
        runner.run(context -> assertThat(context).doesNotHaveBean(IngestionStage.class)
                .doesNotHaveBean(WorkerFunctions.class));
    }

    @Test
    void theStagesChainAndRecordWhereEachRan() {
        runner.withPropertyValues("mpreg.node.resources=ingestion,processing,analytics,storage").run(context -> {
            Batch ingested = context.getBean(IngestionStage.class).ingest(List.of("a,1", "b,x", "c,500", "d,3"));
            Batch cleaned = context.getBean(ProcessingStage.class).clean(ingested);
            Analysis analysis = context.getBean(AnalyticsStage.class).analyze(cleaned);
            Receipt receipt = context.getBean(StorageStage.class).store("Sensors", analysis);

            assertThat(cleaned.readings()).hasSize(2);
            assertThat(receipt.report()).isEqualTo("Sensors: 2 readings, min 1.0, max 3.0, mean 2.00");
            assertThat(receipt.stored()).isEqualTo(1);
            assertThat(receipt.trail()).containsExactly("ingest@n1", "clean@n1", "analyze@n1", "store@n1");
            assertThat(context.getBean(StorageStage.class).reports()).containsExactly(receipt.report());
        });
    }

    @Test
    void storageKeepsOnlyTheLatestReports() {
        runner.withPropertyValues("mpreg.node.resources=storage").run(context -> {
            StorageStage storage = context.getBean(StorageStage.class);
            Analysis empty = new Analysis(new Summary(0, 0, 0, 0), List.of());
            for (int i = 0; i <= StorageStage.CAPACITY; i++) {
                storage.store("r" + i, empty);
            }
            assertThat(storage.reports()).hasSize(StorageStage.CAPACITY)
                    .first().asString().startsWith("r1:");
        });
    }
}
