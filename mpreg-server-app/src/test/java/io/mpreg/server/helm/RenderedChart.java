package io.mpreg.server.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The Kubernetes objects of one render of the chart, parsed, with look-ups the tests share. */
record RenderedChart(List<JsonNode> objects) {

    private static final YAMLMapper YAML = new YAMLMapper();

    RenderedChart {
        objects = List.copyOf(objects);
    }

    /** Parses {@code helm template} output: YAML documents separated by {@code ---}. */
    static RenderedChart parse(String manifests) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(manifests)) {
            List<JsonNode> objects = new ArrayList<>();
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document != null && document.isObject()) {
                    objects.add(document);
                }
            }
            return new RenderedChart(objects);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> object.path("kind").asString().equals(kind)).toList();
    }

    /** The one object of a kind; fails when there are none or several. */
    JsonNode only(String kind) {
        List<JsonNode> found = ofKind(kind);
        if (found.size() != 1) {
            throw new NoSuchElementException("expected one " + kind + " but found " + found.size());
        }
        return found.get(0);
    }

    JsonNode named(String kind, String name) {
        return ofKind(kind).stream()
                .filter(object -> object.path("metadata").path("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + kind + " named " + name));
    }

    /** The StatefulSet and the Deployments: everything that runs containers. */
    List<JsonNode> workloads() {
        return Stream.concat(ofKind("StatefulSet").stream(), ofKind("Deployment").stream()).toList();
    }

    JsonNode serverStatefulSet() {
        return only("StatefulSet");
    }

    /** The Spring Boot settings a workload reads: the ConfigMap mounted where its env points Spring. */
    JsonNode springConfigOf(JsonNode workload) {
        JsonNode container = containers(workload).get(0);
        String location = env(container, "SPRING_CONFIG_ADDITIONAL_LOCATION").replaceFirst("^optional:file:", "");
        String volumeName = stream(container.path("volumeMounts"))
                .filter(mount -> (mount.path("mountPath").asString() + "/").equals(location))
                .map(mount -> mount.path("name").asString())
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("nothing mounted at " + location));
        String configMapName = stream(podSpec(workload).path("volumes"))
                .filter(volume -> volume.path("name").asString().equals(volumeName))
                .map(volume -> volume.path("configMap").path("name").asString())
                .findFirst()
                .orElseThrow();
        String applicationYaml = named("ConfigMap", configMapName).path("data").path("application.yaml").asString();
        return YAML.readTree(applicationYaml);
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static JsonNode podLabels(JsonNode workload) {
        return workload.path("spec").path("template").path("metadata").path("labels");
    }

    static List<JsonNode> containers(JsonNode workload) {
        return stream(podSpec(workload).path("containers")).toList();
    }

    /** The literal value of a container's environment variable. */
    static String env(JsonNode container, String name) {
        return stream(container.path("env"))
                .filter(variable -> variable.path("name").asString().equals(name))
                .map(variable -> variable.path("value").asString())
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no env " + name));
    }

    /** The number of the container port with this name. */
    static int containerPort(JsonNode container, String portName) {
        return stream(container.path("ports"))
                .filter(port -> port.path("name").asString().equals(portName))
                .mapToInt(port -> port.path("containerPort").asInt())
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no port named " + portName));
    }

    /** Whether a label selector ({@code matchLabels} or a Service selector) matches these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> required : selector.properties()) {
            if (!labels.path(required.getKey()).asString().equals(required.getValue().asString())) {
                return false;
            }
        }
        return true;
    }

    static Stream<JsonNode> stream(JsonNode array) {
        return array.valueStream();
    }
}
