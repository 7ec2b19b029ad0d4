package org.sightline.models.perception;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sightline.models.pack.OnnxSignature;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.perception.PerceptionManifest.FileRole;
import org.sightline.models.perception.PerceptionManifest.Kind;
import org.sightline.models.perception.PerceptionManifest.ModelEntry;
import org.sightline.models.perception.PerceptionManifest.ModelRole;
import org.sightline.models.perception.PerceptionManifest.PackFile;

/**
 * Checks a perception pack folder against its manifest, as {@link PackVerifier} does for model packs: the manifest
 * parses and is complete for its kind; every listed file lies inside the folder (no links, no paths leaving it)
 * and has the listed size and SHA-256; every model is an ONNX model with the named input and outputs; a text pack's
 * character set matches its recogniser's class count. Every failure is a {@link PackVerificationException} naming
 * the file and the problem. Nothing is cached between calls.
 *
 * <p>Thread-safe (stateless).
 */
public final class PerceptionPackVerifier {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern INTEGRITY = Pattern.compile("sha512-[A-Za-z0-9+/]{86}==");

    /**
     * Verifies the pack in {@code packDir}.
     *
     * @throws PackVerificationException naming the first file that fails and why
     */
    public VerifiedPerceptionPack verify(Path packDir) {
        Path dir = packDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackVerificationException(dir, Files.exists(dir) ? "not a folder" : "perception pack folder does not exist");
        }
        Path manifestFile = dir.resolve(PerceptionManifest.FILE_NAME);
        byte[] manifestBytes = read(manifestFile, "manifest");
        PerceptionManifest manifest;
        try {
            manifest = PerceptionManifest.parse(manifestBytes);
        } catch (IOException | RuntimeException e) {
            throw new PackVerificationException(manifestFile, "not a valid perception manifest: " + firstLine(e.getMessage()), e);
        }
        checkManifest(manifestFile, manifest);

        Map<String, byte[]> contents = new HashMap<>();
        for (PackFile entry : manifest.files()) {
            Path file = PackVerifier.resolveInside(dir, manifestFile, entry.path());
            byte[] bytes = read(file, entry.role().name().toLowerCase().replace('_', ' ') + " file");
            PackVerifier.checkAsListed(file, bytes.length, bytes.length == entry.size() ? Sha256.of(bytes) : null,
                    entry.size(), entry.sha256());
            if (entry.role() != FileRole.OTHER) {
                contents.put(entry.path(), bytes);
            }
        }

        Map<String, OnnxSignature> signatures = new HashMap<>();
        for (ModelEntry model : manifest.models()) {
            Path file = dir.resolve(model.file());
            OnnxSignature sig;
            try {
                sig = OnnxSignature.read(contents.get(model.file()));
            } catch (IOException | RuntimeException e) {
                throw new PackVerificationException(file, "not an ONNX model: " + firstLine(e.getMessage()), e);
            }
            if (sig.input(model.input()).isEmpty()) {
                throw new PackVerificationException(file, "has no input named '" + model.input() + "'; its inputs are " + describe(sig.inputs()));
            }
            for (String out : model.outputs()) {
                if (sig.output(out).isEmpty()) {
                    throw new PackVerificationException(file, "has no output named '" + out + "'; its outputs are " + describe(sig.outputs()));
                }
            }
            signatures.put(model.file(), sig);
        }
        if (manifest.kind() == Kind.TEXT) {
            checkCharacterSet(dir, manifest, contents, signatures);
        }
        return new VerifiedPerceptionPack(dir, manifest, Sha256.of(manifestBytes), contents, signatures);
    }

    private static void checkManifest(Path manifestFile, PerceptionManifest m) {
        List<String> problems = new ArrayList<>();
        if (m.format() != PerceptionManifest.FORMAT) {
            problems.add("format " + m.format() + " is not supported (expected " + PerceptionManifest.FORMAT + ")");
        }
        if (m.name() == null || !PackVerifier.PACK_NAME.matcher(m.name()).matches()) {
            problems.add("name " + m.name() + " is not a valid pack name (letters, digits, '.', '_', '-')");
        }
        if (m.version() == null || m.version().isBlank()) {
            problems.add("version is missing");
        }
        if (m.kind() == null) {
            problems.add("kind is missing (detector or text)");
        }
        if (m.licence() == null || m.licence().isBlank()) {
            problems.add("licence is missing");
        }
        Set<String> paths = new HashSet<>();
        for (PackFile f : m.files()) {
            if (!paths.add(f.path())) {
                problems.add("file " + f.path() + " is listed twice");
            }
            if (!SHA256_HEX.matcher(f.sha256()).matches()) {
                problems.add("file " + f.path() + " has no valid sha256 (64 lower-case hex digits)");
            }
            if (f.size() < 0) {
                problems.add("file " + f.path() + " has a negative size");
            }
        }
        for (ModelEntry model : m.models()) {
            if (m.file(model.file()).map(f -> f.role() != FileRole.MODEL).orElse(true)) {
                problems.add("model " + model.file() + " is not listed in files with role model");
            }
        }
        if (m.kind() == Kind.DETECTOR) {
            if (m.model(ModelRole.DETECTOR).isEmpty()) {
                problems.add("a detector pack needs exactly one model with role detector");
            }
            if (m.classNames().isEmpty()) {
                problems.add("a detector pack needs its class names");
            }
        } else if (m.kind() == Kind.TEXT) {
            if (m.model(ModelRole.TEXT_DETECTOR).isEmpty() || m.model(ModelRole.TEXT_RECOGNISER).isEmpty()) {
                problems.add("a text pack needs exactly one text-detector and one text-recogniser model");
            }
            if (m.characterSet() == null) {
                problems.add("a text pack needs its characterSet");
            } else if (m.file(m.characterSet().file()).map(f -> f.role() != FileRole.CHARACTER_SET).orElse(true)) {
                problems.add("character set " + m.characterSet().file() + " is not listed in files with role character-set");
            }
        }
        if (m.provenance() != null && !INTEGRITY.matcher(m.provenance().integrity()).matches()) {
            problems.add("provenance.integrity " + m.provenance().integrity() + " is not an npm sha512 integrity (sha512-BASE64)");
        }
        if (!problems.isEmpty()) {
            throw new PackVerificationException(manifestFile, String.join("; ", problems));
        }
    }

    private static void checkCharacterSet(Path dir, PerceptionManifest m, Map<String, byte[]> contents, Map<String, OnnxSignature> sigs) {
        String file = m.characterSet().file();
        int characters = CharacterList.parse(new String(contents.get(file), StandardCharsets.UTF_8), m.characterSet()).classCount();
        ModelEntry rec = m.model(ModelRole.TEXT_RECOGNISER).orElseThrow();
        OnnxSignature.Tensor out = sigs.get(rec.file()).output(rec.outputs().getFirst()).orElseThrow();
        long classes = out.dims().isEmpty() ? -1 : out.fixedDim(out.dims().size() - 1);
        if (classes != -1 && classes != characters) {
            throw new PackVerificationException(dir.resolve(file), "gives " + characters + " classes (blank, characters"
                    + (m.characterSet().spaceAppended() ? ", space" : "") + ") but the recogniser " + rec.file() + " outputs " + classes);
        }
    }

    private static byte[] read(Path file, String what) {
        if (Files.isSymbolicLink(file)) {
            throw new PackVerificationException(file, what + " is a symbolic link; packs hold plain files only");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackVerificationException(file, what + " is missing");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PackVerificationException(file, what + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String describe(List<OnnxSignature.Tensor> tensors) {
        return tensors.stream().map(OnnxSignature.Tensor::describe).toList().toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
