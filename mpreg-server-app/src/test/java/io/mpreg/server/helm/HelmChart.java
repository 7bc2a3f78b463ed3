package io.mpreg.server.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The chart under test, rendered in process by helm-java's bundled Helm library.
 *
 * <p>Paths are relative to the module directory, Surefire's working directory. Renders of the
 * plain value sets are cached: the chart does not change during a test run.
 */
final class HelmChart {

    static final Path DIRECTORY = Path.of("../helm/mpreg");
    static final String RELEASE = "rel";
    static final String NAMESPACE = "mpreg-test";

    // helm-java's template defaults to Kubernetes 1.20, below the chart's kubeVersion floor.
    private static final String KUBE_VERSION = "1.30.0";

    private static final Map<ValueSet, RenderedChart> RENDERED = new EnumMap<>(ValueSet.class);

    private HelmChart() {}

    /** Runs {@code helm lint --strict} over the chart with its default values. */
    static LintResult lint() {
        return new Helm(DIRECTORY).lint().strict().call();
    }

    /** The chart rendered with one value set. */
    static synchronized RenderedChart render(ValueSet valueSet) {
        return RENDERED.computeIfAbsent(valueSet, set -> render(set, Map.of()));
    }

    /**
     * The chart rendered with one value set plus {@code --set} overrides.
     *
     * @throws IllegalStateException with Helm's message when the values fail the schema or a
     *     template's own check
     */
    static RenderedChart render(ValueSet valueSet, Map<String, String> overrides) {
        TemplateCommand template = new Helm(DIRECTORY)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        template = valueSet.file(DIRECTORY).map(template::withValuesFile).orElse(template);
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            template = template.set(override.getKey(), override.getValue());
        }
        return RenderedChart.parse(template.call());
    }
}
