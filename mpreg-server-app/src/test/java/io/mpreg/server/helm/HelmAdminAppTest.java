package io.mpreg.server.helm;

import static io.mpreg.server.helm.RenderedChart.containerPort;
import static io.mpreg.server.helm.RenderedChart.containers;
import static io.mpreg.server.helm.RenderedChart.podLabels;
import static io.mpreg.server.helm.RenderedChart.selects;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HelmAdminAppTest {

    @Test
    void adminAppRunsAsADeploymentBehindItsOwnService() {
        RenderedChart chart = HelmChart.render(ValueSet.DEFAULTS);
        JsonNode admin = chart.only("Deployment");
        JsonNode service = chart.named("Service", "rel-mpreg-admin");
        JsonNode port = service.at("/spec/ports/0");

        assertThat(selects(service.at("/spec/selector"), podLabels(admin))).isTrue();
        assertThat(selects(service.at("/spec/selector"), podLabels(chart.serverStatefulSet()))).isFalse();
        assertThat(containerPort(containers(admin).get(0), port.path("targetPort").asString()))
                .isEqualTo(port.path("port").asInt())
                .isEqualTo(9090);
        assertThat(containers(admin).get(0).path("image").asString()).startsWith("mpreg/mpreg-admin-app:");
    }

    @Test
    void noIngressUnlessAskedFor() {
        assertThat(HelmChart.render(ValueSet.DEFAULTS).ofKind("Ingress")).isEmpty();
    }

    @Test
    void ingressRoutesItsHostToTheAdminServiceOverTls() {
        RenderedChart chart = HelmChart.render(ValueSet.MONITORED);
        JsonNode spec = chart.only("Ingress").path("spec");
        JsonNode backend = spec.at("/rules/0/http/paths/0/backend/service");
        JsonNode service = chart.named("Service", backend.path("name").asString());

        assertThat(spec.path("ingressClassName").asString()).isEqualTo("nginx");
        assertThat(spec.at("/rules/0/host").asString()).isEqualTo("mpreg-admin.prod.example.com");
        assertThat(spec.at("/tls/0/secretName").asString()).isEqualTo("mpreg-admin-tls");
        assertThat(service.at("/metadata/labels/app.kubernetes.io~1component").asString()).isEqualTo("admin");
        assertThat(service.at("/spec/ports/0/name").asString()).isEqualTo(backend.at("/port/name").asString());
    }

    @Test
    void disablingTheAdminAppLeavesOnlyTheServer() {
        RenderedChart chart = HelmChart.render(ValueSet.SINGLE_NODE);

        assertThat(chart.ofKind("Deployment")).isEmpty();
        assertThat(chart.objects())
                .noneMatch(object -> object.at("/metadata/labels/app.kubernetes.io~1component").asString().equals("admin"));
    }
}
