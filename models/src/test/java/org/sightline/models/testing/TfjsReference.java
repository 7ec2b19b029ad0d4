package org.sightline.models.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs TensorFlow.js graph models with the reference implementation: pure-JS {@code @tensorflow/tfjs} on Node,
 * through {@code models/src/test/node/tfjs-reference/run-graph-model.js}. The pinned packages
 * ({@code package-lock.json}) are installed with {@code npm ci --ignore-scripts} into the test cache when
 * missing, so a fresh clone needs only node and npm on the PATH; without them the tests fail saying so. The
 * cache is {@code ~/.cache/sightline-tests} unless {@code -Dsightline.testCache=DIR} says otherwise.
 */
public final class TfjsReference {
    private static final String VERSION = "4.22.0";

    private final Path installDir;

    private TfjsReference(Path installDir) {
        this.installDir = installDir;
    }

    /** The reference runner, installing its packages on first use. */
    public static synchronized TfjsReference installed() {
        Path scripts = scriptDir();
        Path dir = ExternalCommand.cacheDir().resolve("tfjs-reference-" + VERSION);
        try {
            Files.createDirectories(dir);
            for (String f : List.of("package.json", "package-lock.json", "run-graph-model.js")) {
                Files.copy(scripts.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            return fail("cannot prepare the TensorFlow.js reference folder " + dir + ": " + e.getMessage(), e);
        }
        ExternalCommand.run(dir, 1, List.of("node", "--version"));
        if (!Files.isRegularFile(dir.resolve("node_modules/@tensorflow/tfjs/package.json"))) {
            ExternalCommand.run(dir, 10, List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"));
        }
        return new TfjsReference(dir);
    }

    /** One output of a reference run: shape and values. */
    public record Output(int[] shape, float[] values) {
    }

    /**
     * Runs {@code modelJson} on one NHWC image ({@code height × width × channels} floats) and returns the named
     * outputs in order.
     */
    public List<Output> run(Path modelJson, float[] nhwc, int height, int width, int channels, List<String> outputs) {
        try {
            Path work = Files.createTempDirectory("tfjs-run");
            try {
                Path input = work.resolve("input.f32");
                ByteBuffer bytes = ByteBuffer.allocate(4 * nhwc.length).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(nhwc);
                Files.write(input, bytes.array());
                List<String> command = new ArrayList<>(List.of("node", installDir.resolve("run-graph-model.js").toString(),
                        modelJson.toAbsolutePath().toString(), input.toString(), height + "," + width + "," + channels,
                        work.resolve("out").toString()));
                command.addAll(outputs);
                ExternalCommand.run(installDir, 10, command);
                List<Output> result = new ArrayList<>();
                for (int i = 0; i < outputs.size(); i++) {
                    String[] dims = Files.readString(work.resolve("out/" + i + ".shape")).trim().split(",");
                    int[] shape = new int[dims.length];
                    for (int d = 0; d < dims.length; d++) {
                        shape[d] = Integer.parseInt(dims[d]);
                    }
                    ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(work.resolve("out/" + i + ".f32"))).order(ByteOrder.LITTLE_ENDIAN);
                    float[] values = new float[raw.remaining() / 4];
                    raw.asFloatBuffer().get(values);
                    result.add(new Output(shape, values));
                }
                return result;
            } finally {
                try (var files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            return fail("TensorFlow.js reference run of " + modelJson + " failed: " + e.getMessage(), e);
        }
    }

    /** The Node script folder of the repository, found from the working directory (a module or the root). */
    private static Path scriptDir() {
        String root = System.getProperty("sightline.root");
        if (root != null && Files.isRegularFile(Path.of(root, "models/src/test/node/tfjs-reference/run-graph-model.js"))) {
            return Path.of(root, "models/src/test/node/tfjs-reference");
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("models/src/test/node/tfjs-reference");
            if (Files.isRegularFile(candidate.resolve("run-graph-model.js"))) {
                return candidate;
            }
        }
        return fail("models/src/test/node/tfjs-reference was not found above " + Path.of("").toAbsolutePath());
    }
}
