package io.mpreg.server.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image tarball as {@code jib:buildTar} writes it (the {@code docker load} format): the
 * manifest, the container configuration, and the file names in each layer, in layer order.
 */
record JibImageTar(JsonNode manifest, JsonNode config, List<Layer> layers) {

    /** One layer: what Jib says it holds (its history comment) and the paths inside it. */
    record Layer(String comment, List<String> paths) {}

    private static final JsonMapper JSON = new JsonMapper();

    static JibImageTar read(Path tarball) {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                files.put(entry.getName(), tar.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tarball, e);
        }
        JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
        JsonNode config = JSON.readTree(files.get(manifest.path("Config").asString()));
        List<JsonNode> history = config.path("history").valueStream()
                .filter(step -> !step.path("empty_layer").asBoolean())
                .toList();
        List<Layer> layers = new ArrayList<>();
        List<JsonNode> layerFiles = manifest.path("Layers").valueStream().toList();
        for (int i = 0; i < layerFiles.size(); i++) {
            byte[] layer = files.get(layerFiles.get(i).asString());
            layers.add(new Layer(history.get(i).path("comment").asString(), pathsIn(layer)));
        }
        return new JibImageTar(manifest, config, layers);
    }

    JsonNode containerConfig() {
        return config.path("config");
    }

    private static List<String> pathsIn(byte[] gzippedLayer) {
        List<String> paths = new ArrayList<>();
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(gzippedLayer));
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                paths.add(entry.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a layer", e);
        }
        return paths;
    }
}
