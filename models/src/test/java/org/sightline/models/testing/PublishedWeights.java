package org.sightline.models.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Published TensorFlow.js detector weights for tests, fetched with {@code npm pack} into the test cache (never
 * into the repository) and checked against pinned hashes: the tarball's npm {@code sha512} integrity, then each
 * extracted file's SHA-256. Upstream licences: the {@code @vladmandic/human} package is MIT; its centernet comes
 * from the mobilenetv3_centernet project, whose repository states no licence.
 */
public final class PublishedWeights {
    private PublishedWeights() {
    }

    public static final String HUMAN_PACKAGE = "@vladmandic/human@3.3.6";
    /** {@code npm view @vladmandic/human@3.3.6 dist.integrity}. */
    public static final String HUMAN_INTEGRITY =
            "sha512-Nr5mPfq1gQ+uKeXY5uM3Fj8UxvF5CEh2s6txM5wRThqaW0mF9huooOuZSrT8hhGho0hGaXLFdAwfD/2+teCv6A==";
    private static final String CENTERNET_JSON_SHA256 = "bfb942eaacc5becf738d536663bc4580a0ae9e560722306e6d4dd7fe4a09de05";
    private static final String CENTERNET_BIN_SHA256 = "1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef";

    /** The verified {@code centernet.json} (with {@code centernet.bin} beside it). */
    public static synchronized Path centernetModelJson() {
        Path dir = ExternalCommand.cacheDir().resolve("human-3.3.6");
        Path json = dir.resolve("package/models/centernet.json");
        Path bin = dir.resolve("package/models/centernet.bin");
        if (!Files.isRegularFile(json) || !Files.isRegularFile(bin)) {
            Path tarball = fetch(dir);
            ExternalCommand.run(dir, 5, List.of("tar", "-xzf", tarball.toString(), "-C", dir.toString(),
                    "package/models/centernet.json", "package/models/centernet.bin"));
        }
        check(json, CENTERNET_JSON_SHA256);
        check(bin, CENTERNET_BIN_SHA256);
        return json;
    }

    private static Path fetch(Path dir) {
        try {
            Files.createDirectories(dir);
            Path tarball = dir.resolve("vladmandic-human-3.3.6.tgz");
            if (!Files.isRegularFile(tarball)) {
                Path partial = Files.createTempDirectory(dir, "pack");
                ExternalCommand.run(partial, 10, List.of("npm", "pack", HUMAN_PACKAGE, "--pack-destination", partial.toString()));
                Files.move(partial.resolve(tarball.getFileName()), tarball, StandardCopyOption.ATOMIC_MOVE);
                Files.delete(partial);
            }
            String integrity = "sha512-" + Base64.getEncoder().encodeToString(digest(tarball, "SHA-512"));
            if (!integrity.equals(HUMAN_INTEGRITY)) {
                Files.delete(tarball);
                fail(HUMAN_PACKAGE + " tarball has integrity " + integrity + ", pinned " + HUMAN_INTEGRITY + "; deleted it");
            }
            return tarball;
        } catch (IOException e) {
            return fail("cannot fetch " + HUMAN_PACKAGE + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void check(Path file, String sha256) {
        String actual = HexFormat.of().formatHex(digest(file, "SHA-256"));
        if (!actual.equals(sha256)) {
            fail(file + " has SHA-256 " + actual + ", pinned " + sha256 + "; delete the folder to fetch it again");
        }
    }

    private static byte[] digest(Path file, String algorithm) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return md.digest();
        } catch (IOException | NoSuchAlgorithmException e) {
            return fail("cannot hash " + file + ": " + e.getMessage(), e);
        }
    }
}
