package org.sightline.models.perception.install;

import org.sightline.models.perception.VerifiedPerceptionPack;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.StarterPackShelf;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.PackVerifier;

/**
 * The perception packs one data directory can use: those installed into its {@value #FOLDER} folder (beside the model
 * packs) and the built-in starter packs of the {@link StarterPackShelf}, and which of them is chosen for each use
 * ({@link Use}), kept in {@code perception/}{@value #CHOICES_FILE}. A chosen pack is found among the installed packs
 * first, then on the shelf; with no choice, the shelf's preferred pack is used (indexing: the starter CenterNet).
 * A chosen pack that is missing or fails verification is an error, never silently replaced.
 *
 * <p>Thread-safe for readers; choices are written atomically (temporary file, then rename).
 */
public final class PerceptionPacks {
    /** The folder of a data directory that installed perception packs go into. */
    public static final String FOLDER = "perception";
    /** The file in {@value #FOLDER} naming the chosen pack of each use. */
    public static final String CHOICES_FILE = "chosen.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** What a chosen perception pack is used for. */
    public enum Use {
        /** The object detector run while indexing (and for people and vehicles in redaction): must know {@code person}. */
        OBJECTS("person"),
        /** The face detector for {@code --redact faces}: knows {@code face} and not {@code person}. */
        FACES("face"),
        /** The scene text reader run while indexing (and for plates in redaction). */
        TEXT(null);

        private final String className;

        Use(String className) {
            this.className = className;
        }

        /** The class a detector pack for this use knows, or null for text. */
        public String className() {
            return className;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What {@link #choose} did.
     *
     * @param use      what the pack is now used for
     * @param pack     the chosen pack, verified
     * @param warning  a plain-words consequence the user must hear (a detector without {@code person}), or null
     */
    public record Choice(Use use, VerifiedPerceptionPack pack, String warning) {
    }

    private final Path dir;
    private final StarterPackShelf installed;
    private final StarterPackShelf shelf;

    /**
     * @param dir   the data directory's {@value #FOLDER} folder, or null for none (the shelf alone)
     * @param shelf the built-in starter packs
     */
    public PerceptionPacks(Path dir, StarterPackShelf shelf) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
        this.installed = new StarterPackShelf(this.dir);
        this.shelf = shelf;
    }

    /** The packs of a data directory's {@value #FOLDER} folder and the shelf the system property names. */
    public static PerceptionPacks in(Path perceptionDir) {
        return new PerceptionPacks(perceptionDir, StarterPackShelf.fromSystemProperty());
    }

    public Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    public StarterPackShelf shelf() {
        return shelf;
    }

    /** The installed packs by name (manifests read, not verified). */
    public List<StarterPackShelf.Listing> installed() {
        return dir == null || !Files.isDirectory(dir) ? List.of() : installed.list();
    }

    /** Whether a pack of this name is installed (not counting the shelf). */
    public boolean isInstalled(String name) {
        return dir != null && installed.has(name);
    }

    /** Whether a pack of this name is installed or on the shelf. */
    public boolean has(String name) {
        return isInstalled(name) || shelf.has(name);
    }

    /** Re-hashes an installed pack (or, when none of that name is installed, a starter pack). */
    public VerifiedPerceptionPack verify(String name) {
        if (isInstalled(name)) {
            return installed.verify(name);
        }
        if (shelf.has(name)) {
            return shelf.verify(name);
        }
        throw new PackInstallException("no perception pack named " + name + " is installed"
                + (dir == null ? "" : " in " + dir) + " or among the built-in starter packs");
    }

    /** The importer into this data directory's folder. */
    public PerceptionPackImporter importer() {
        if (dir == null) {
            throw new PackInstallException("no perception folder is configured to install packs into");
        }
        return new PerceptionPackImporter(dir, shelf);
    }

    /**
     * Makes a pack the one used for its use: a detector that knows {@code person} indexes, one that knows
     * {@code face} (and not {@code person}) redacts faces, a text pack reads text. A detector knowing neither is
     * refused unless {@code force}, and then indexes, with a warning that searches for people will find nothing.
     */
    public Choice choose(String name, boolean force) {
        VerifiedPerceptionPack pack = verify(name);
        PerceptionManifest m = pack.manifest();
        Use use;
        String warning = null;
        if (m.kind() == PerceptionManifest.Kind.TEXT) {
            use = Use.TEXT;
        } else if (m.classNames().contains(Use.OBJECTS.className())) {
            use = Use.OBJECTS;
        } else if (m.classNames().contains(Use.FACES.className())) {
            use = Use.FACES;
        } else if (force) {
            use = Use.OBJECTS;
            warning = "detector " + name + " knows no 'person': while it indexes, searches for people find nothing";
        } else {
            throw new PackInstallException("detector " + name + " knows no 'person' (nor 'face'): indexed with it, searches for"
                    + " people would find nothing. Choose it anyway with --force, or keep the current detector");
        }
        Map<String, String> choices = new TreeMap<>(choices());
        choices.put(use.key(), name);
        write(choices);
        return new Choice(use, pack, warning);
    }

    /** The pack chosen for a use, when one is. */
    public Optional<String> chosen(Use use) {
        return Optional.ofNullable(choices().get(use.key()));
    }

    /** The pack a use runs, verified: the chosen one, else the shelf's preferred one; empty when there is none. */
    public Optional<VerifiedPerceptionPack> forUse(Use use) {
        Optional<String> chosen = chosen(use);
        if (chosen.isPresent()) {
            return Optional.of(verify(chosen.get()));
        }
        if (shelf.location().isEmpty()) {
            return Optional.empty();
        }
        return use == Use.TEXT ? shelf.verifiedOfKind(PerceptionManifest.Kind.TEXT) : shelf.verifiedDetectorWithClass(use.className());
    }

    /** The name of the pack a use runs, from the manifests alone (for listings): chosen, or the shelf's default. */
    public Optional<String> nameForUse(Use use) {
        Optional<String> chosen = chosen(use);
        if (chosen.isPresent() || shelf.location().isEmpty()) {
            return chosen;
        }
        try {
            return forUse(use).map(VerifiedPerceptionPack::name);
        } catch (PackVerificationException | PackInstallException e) {
            return Optional.empty();
        }
    }

    private Map<String, String> choices() {
        if (dir == null) {
            return Map.of();
        }
        Path file = dir.resolve(CHOICES_FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Map.of();
        }
        try {
            Map<String, String> read = JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { });
            for (String name : read.values()) {
                if (name == null || !PackVerifier.PACK_NAME.matcher(name).matches()) {
                    throw new PackInstallException(file + " names '" + name + "', which is not a pack name; choose again with `sightline models use NAME`");
                }
            }
            return read;
        } catch (IOException e) {
            throw new PackInstallException("cannot read the chosen perception packs in " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(Map<String, String> choices) {
        if (dir == null) {
            throw new PackInstallException("no perception folder is configured to record the choice in");
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".chosen-", ".tmp");
            JSON.writeValue(tmp.toFile(), choices);
            Files.move(tmp, dir.resolve(CHOICES_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PackInstallException("cannot record the chosen perception pack in " + dir + ": " + e.getMessage(), e);
        }
    }
}
