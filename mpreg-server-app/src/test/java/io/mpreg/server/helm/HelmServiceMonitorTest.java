package io.mpreg.server.helm;

import static io.mpreg.server.helm.RenderedChart.selects;
import static io.mpreg.server.helm.RenderedChart.stream;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HelmServiceMonitorTest {

    @Test
    void noServiceMonitorUnlessAskedFor() {
        assertThat(HelmChart.render(ValueSet.DEFAULTS).ofKind("ServiceMonitor")).isEmpty();
    }

    @Test
    void serverMonitorScrapesPrometheusOnEveryNodeThroughTheHeadlessService() {
        RenderedChart chart = HelmChart.render(ValueSet.MONITORED);
        JsonNode monitor = chart.named("ServiceMonitor", "rel-mpreg");
        JsonNode headless = chart.named("Service", chart.serverStatefulSet().at("/spec/serviceName").asString());

        assertThat(scrapedServices(chart, monitor)).containsExactly(headless);
        assertScrapesPrometheusOnAPortOf(monitor, headless);
        assertThat(monitor.at("/metadata/labels/release").asString()).isEqualTo("kube-prometheus-stack");
        assertThat(monitor.at("/spec/endpoints/0/interval").asString()).isEqualTo("15s");
    }

    @Test
    void adminMonitorScrapesOnlyTheAdminService() {
        RenderedChart chart = HelmChart.render(ValueSet.MONITORED);
        JsonNode monitor = chart.named("ServiceMonitor", "rel-mpreg-admin");
        JsonNode adminService = chart.named("Service", "rel-mpreg-admin");

        assertThat(scrapedServices(chart, monitor)).containsExactly(adminService);
        assertScrapesPrometheusOnAPortOf(monitor, adminService);
    }

    private static List<JsonNode> scrapedServices(RenderedChart chart, JsonNode monitor) {
        JsonNode selector = monitor.at("/spec/selector/matchLabels");
        return chart.ofKind("Service").stream()
                .filter(service -> selects(selector, service.at("/metadata/labels")))
                .toList();
    }

    private static void assertScrapesPrometheusOnAPortOf(JsonNode monitor, JsonNode service) {
        JsonNode endpoint = monitor.at("/spec/endpoints/0");
        assertThat(endpoint.path("path").asString()).isEqualTo("/actuator/prometheus");
        assertThat(stream(service.at("/spec/ports")).map(port -> port.path("name").asString()))
                .contains(endpoint.path("port").asString());
    }
}
