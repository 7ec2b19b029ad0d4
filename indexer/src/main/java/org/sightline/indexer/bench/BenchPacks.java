package org.sightline.indexer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sightline.models.generate.VitB32BenchPack;
import org.sightline.models.generate.VitB32BenchPack.Precision;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.pack.VerifiedPack;
import org.sightline.models.runtime.OnnxVisionLanguageModel;
import org.sightline.models.runtime.RuntimeOptions;

/**
 * The benchmark packs ({@value VitB32BenchPack#NAME}, fp32 and int8), generated on first use into
 * {@code DATA/bench-models/}: outside {@code models/}, so they are never listed, activated or searched with.
 * A cached pack is verified against its manifest like any other pack before it is timed.
 */
public final class BenchPacks {
    /** Fixed seed: every machine times the same weights. */
    static final long SEED = 20_261_122L;

    private final Path dir;

    public BenchPacks(Path benchModelsDir) {
        this.dir = benchModelsDir;
    }

    /** Verified pack of the given precision, generating it (about 10 s, 600 MB for fp32) when missing or damaged. */
    public VerifiedPack pack(Precision precision, java.io.PrintStream log) throws IOException {
        Path target = dir.resolve(VitB32BenchPack.name(precision));
        if (Files.isRegularFile(target.resolve("sightline-model.json"))) {
            try {
                return new PackVerifier().verify(target);
            } catch (PackVerificationException e) {
                log.println("cached benchmark pack failed verification, regenerating: " + e.getMessage());
            }
        }
        log.println("generating " + VitB32BenchPack.name(precision) + " (CLIP ViT-B/32 architecture, random weights, for timing only) in " + target);
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, ".generating-");
        VitB32BenchPack.write(tmp, precision, SEED);
        deleteRecursively(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return new PackVerifier().verify(target);
    }

    public OnnxVisionLanguageModel open(Precision precision, RuntimeOptions options, java.io.PrintStream log) throws IOException {
        return OnnxVisionLanguageModel.open(pack(precision, log), options);
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
