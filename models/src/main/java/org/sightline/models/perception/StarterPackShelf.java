package org.sightline.models.perception;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.PackVerifier;

/**
 * The built-in starter perception packs: a read-only folder made by the build ({@link StarterPackBuilder}) and named
 * by the system property {@value StarterPacks#LOCATION_PROPERTY}, available to every data directory without being
 * installed into it. Packs are verified like any pack and, when Sightline knows the pack's recipe, also against the
 * manifest SHA-256 pinned in the source.
 *
 * <p>Thread-safe (reads only).
 */
public final class StarterPackShelf {
    private final Path dir;
    private final PerceptionPackVerifier verifier = new PerceptionPackVerifier();

    /** @param dir the starter-pack folder, or null when there is none */
    public StarterPackShelf(Path dir) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
    }

    /** The shelf the system property {@value StarterPacks#LOCATION_PROPERTY} names (empty when unset). */
    public static StarterPackShelf fromSystemProperty() {
        String p = System.getProperty(StarterPacks.LOCATION_PROPERTY);
        return new StarterPackShelf(p == null || p.isBlank() ? null : Path.of(p));
    }

    /** The folder, when configured. */
    public Optional<Path> location() {
        return Optional.ofNullable(dir);
    }

    /**
     * A starter pack as its manifest describes it (not yet verified).
     *
     * @param name     pack name (= folder name)
     * @param dir      the pack folder
     * @param manifest the parsed manifest, or null when it cannot be read
     * @param problem  why it cannot be read, or null
     */
    public record Listing(String name, Path dir, PerceptionManifest manifest, String problem) {
        public String version() {
            return manifest == null ? "?" : manifest.version();
        }

        public String kind() {
            return manifest == null ? "?" : "perception: " + manifest.kind().name().toLowerCase();
        }
    }

    /** The starter packs on the shelf, by name; a configured folder that is missing is reported, not ignored. */
    public List<Listing> list() {
        if (dir == null) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            throw new PackInstallException("the starter-pack folder " + dir + " does not exist: build Sightline again"
                    + " (./sightline or ./mvnw package builds the starter packs)");
        }
        List<Listing> packs = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dir)) {
            for (Path p : dirs) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                PerceptionManifest manifest = null;
                String problem = null;
                try {
                    manifest = PerceptionManifest.parse(Files.readAllBytes(p.resolve(PerceptionManifest.FILE_NAME)));
                    if (!name.equals(manifest.name())) {
                        problem = "folder name differs from the manifest's pack name " + manifest.name();
                    }
                } catch (IOException | RuntimeException e) {
                    problem = "manifest cannot be read: " + e.getMessage();
                }
                packs.add(new Listing(name, p, manifest, problem));
            }
        } catch (IOException e) {
            throw new PackInstallException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        packs.sort(Comparator.comparing(Listing::name));
        return packs;
    }

    /** Whether the shelf holds a pack of this name. */
    public boolean has(String name) {
        return dir != null && PackVerifier.PACK_NAME.matcher(name).matches()
                && Files.isDirectory(dir.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Re-hashes a starter pack and, for known recipes, checks its manifest against the pinned SHA-256.
     *
     * @throws PackInstallException      when there is no such pack
     * @throws PackVerificationException when it fails
     */
    public VerifiedPerceptionPack verify(String name) {
        if (!has(name)) {
            throw new PackInstallException("no starter pack named " + name + (dir == null ? " (no starter-pack folder is configured)" : " in " + dir));
        }
        Path packDir = dir.resolve(name);
        VerifiedPerceptionPack pack = verifier.verify(packDir);
        if (!pack.name().equals(name)) {
            throw new PackVerificationException(packDir.resolve(PerceptionManifest.FILE_NAME), "names pack " + pack.name() + " but is in folder " + name);
        }
        Optional<StarterPackRecipe> recipe = StarterPacks.recipe(name);
        if (recipe.isPresent() && !recipe.get().pinnedManifestSha256().equals(pack.manifestSha256())) {
            throw new PackVerificationException(packDir.resolve(PerceptionManifest.FILE_NAME), "SHA-256 " + pack.manifestSha256()
                    + " differs from the value pinned in Sightline (" + recipe.get().pinnedManifestSha256() + "): refused as a changed copy");
        }
        return pack;
    }

    /** The first starter pack of a kind, verified (e.g. the text pack the indexer reads scene text with). */
    public Optional<VerifiedPerceptionPack> verifiedOfKind(PerceptionManifest.Kind kind) {
        for (Listing l : list()) {
            if (l.manifest() != null && l.manifest().kind() == kind) {
                return Optional.of(verify(l.name()));
            }
        }
        return Optional.empty();
    }

    /**
     * The preferred detector pack on the shelf whose class list holds {@code className}, verified: the indexer asks
     * for {@code person} (an object detector; the face pack, made for redaction, is never run while indexing),
     * redaction for {@code face}. Starter packs come in the order of {@link StarterPacks#all()} (the measured
     * better detector first), then any other pack by name.
     */
    public Optional<VerifiedPerceptionPack> verifiedDetectorWithClass(String className) {
        List<String> preference = StarterPacks.all().stream().map(StarterPackRecipe::name).toList();
        List<Listing> listed = new ArrayList<>(list());
        listed.sort(Comparator.comparingInt((Listing l) -> preference.contains(l.name()) ? preference.indexOf(l.name()) : preference.size())
                .thenComparing(Listing::name));
        for (Listing l : listed) {
            if (l.manifest() != null && l.manifest().kind() == PerceptionManifest.Kind.DETECTOR
                    && l.manifest().classNames().contains(className)) {
                return Optional.of(verify(l.name()));
            }
        }
        return Optional.empty();
    }
}
