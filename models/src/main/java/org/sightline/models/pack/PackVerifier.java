package org.sightline.models.pack;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sightline.models.OfflineMode;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.pack.PackManifest.FileRole;
import org.sightline.models.pack.PackManifest.PackFile;

/**
 * Checks a model pack folder against its manifest and returns the verified bytes of its encoders and tokenizer.
 * Checks, in order: the manifest parses and is complete; every listed file exists inside the folder (no links,
 * no paths leaving it), has the listed size and SHA-256, and, for published models Sightline knows, the published
 * SHA-256; both encoders are ONNX models whose inputs and outputs have the names and shapes the manifest gives;
 * image and text vectors have the same dimension; the tokenizer loads. Every failure is a
 * {@link PackVerificationException} naming the file and the problem. Nothing is cached between calls.
 *
 * <p>Thread-safe (stateless).
 */
public final class PackVerifier {
    static {
        OfflineMode.enforce();
    }

    /** A name no pack may take: the model store keeps a file of this name beside the packs. */
    public static final String RESERVED_NAME = "active";

    /** Names of packs: letters, digits, '.', '_' and '-', starting with a letter or digit. */
    public static final Pattern PACK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    private static final int ONNX_FLOAT = 1;
    private static final int ONNX_INT64 = 7;
    private static final int ONNX_INT32 = 6;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final KnownModelFiles knownFiles;

    public PackVerifier() {
        this(KnownModelFiles.builtIn());
    }

    public PackVerifier(KnownModelFiles knownFiles) {
        this.knownFiles = knownFiles;
    }

    /**
     * Verifies the pack in {@code packDir}.
     *
     * @throws PackVerificationException naming the first file that fails and why
     */
    public VerifiedPack verify(Path packDir) {
        Path dir = packDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackVerificationException(dir, Files.exists(dir) ? "not a folder" : "pack folder does not exist");
        }
        Path manifestFile = dir.resolve(PackManifest.FILE_NAME);
        byte[] manifestBytes = readRegularFile(manifestFile, "manifest");
        PackManifest manifest;
        try {
            manifest = PackManifest.parse(manifestBytes);
        } catch (IOException | RuntimeException e) {
            throw new PackVerificationException(manifestFile, "not a valid manifest: " + firstLine(e.getMessage()), e);
        }
        checkManifest(manifestFile, manifest);

        Map<FileRole, byte[]> kept = new EnumMap<>(FileRole.class);
        List<String> recognised = new ArrayList<>();
        for (PackFile entry : manifest.files()) {
            Path file = resolveInside(dir, manifestFile, entry.path());
            byte[] bytes = entry.role() == FileRole.OTHER ? null : readRegularFile(file, entry.role().name().toLowerCase().replace('_', ' '));
            long size = bytes != null ? bytes.length : sizeOf(file);
            String sha;
            try {
                sha = size != entry.size() ? null : bytes != null ? Sha256.of(bytes) : Sha256.ofRegularFile(file);
            } catch (IOException e) {
                throw new PackVerificationException(file, "cannot be read: " + e.getMessage(), e);
            }
            checkAsListed(file, size, sha, entry.size(), entry.sha256());
            Optional<KnownModelFiles.KnownFile> known = knownFiles.claimedBy(entry.path(), size);
            if (known.isPresent()) {
                if (!known.get().sha256().equals(sha)) {
                    throw new PackVerificationException(file, "SHA-256 " + sha + " differs from the published " + known.get().source()
                            + " (" + known.get().sha256() + "): refused as a tampered copy");
                }
                recognised.add(entry.path() + " = " + known.get().source());
            } else {
                knownFiles.recognise(sha).ifPresent(k -> recognised.add(entry.path() + " = " + k.source()));
            }
            if (bytes != null) {
                kept.put(entry.role(), bytes);
            }
        }

        PackFile imageEntry = manifest.file(FileRole.IMAGE_ENCODER).orElseThrow();
        PackFile textEntry = manifest.file(FileRole.TEXT_ENCODER).orElseThrow();
        Path imageFile = dir.resolve(imageEntry.path());
        Path textFile = dir.resolve(textEntry.path());
        OnnxSignature imageSig = readSignature(imageFile, kept.get(FileRole.IMAGE_ENCODER));
        OnnxSignature textSig = readSignature(textFile, kept.get(FileRole.TEXT_ENCODER));
        checkExternalData(imageFile, imageEntry.path(), kept.get(FileRole.IMAGE_ENCODER), manifest);
        checkExternalData(textFile, textEntry.path(), kept.get(FileRole.TEXT_ENCODER), manifest);
        long imageDim = checkImageEncoder(imageFile, imageSig, manifest);
        long textDim = checkTextEncoder(textFile, textSig, manifest);
        if (imageDim > 0 && textDim > 0 && imageDim != textDim) {
            throw new PackVerificationException(textFile, "image and text dimensions differ: " + manifest.image().output() + " gives "
                    + imageDim + " values, " + manifest.text().output() + " gives " + textDim);
        }
        Path tokenizerFile = dir.resolve(manifest.file(FileRole.TOKENIZER).orElseThrow().path());
        checkTokenizer(tokenizerFile, kept.get(FileRole.TOKENIZER), manifest.text().contextLength());
        return new VerifiedPack(dir, manifest, Sha256.of(manifestBytes), kept.get(FileRole.IMAGE_ENCODER),
                kept.get(FileRole.TEXT_ENCODER), kept.get(FileRole.TOKENIZER), imageSig, textSig, List.copyOf(recognised));
    }

    private static void checkManifest(Path manifestFile, PackManifest m) {
        List<String> problems = new ArrayList<>();
        if (m.format() != PackManifest.FORMAT) {
            problems.add("format " + m.format() + " is not supported (expected " + PackManifest.FORMAT + ")");
        }
        if (m.name() == null || !PACK_NAME.matcher(m.name()).matches()) {
            problems.add("name " + m.name() + " is not a valid pack name (letters, digits, '.', '_', '-')");
        } else if (m.name().equals(RESERVED_NAME)) {
            problems.add("name " + m.name() + " is reserved");
        }
        if (m.version() == null || m.version().isBlank()) {
            problems.add("version is missing");
        }
        if (m.licence() == null || m.licence().isBlank()) {
            problems.add("licence is missing");
        }
        if (m.embeddingDimension() <= 0) {
            problems.add("embeddingDimension must be positive");
        }
        if (m.image() == null) {
            problems.add("image settings are missing");
        }
        if (m.text() == null) {
            problems.add("text settings are missing");
        }
        for (FileRole role : List.of(FileRole.IMAGE_ENCODER, FileRole.TEXT_ENCODER, FileRole.TOKENIZER)) {
            long count = m.files().stream().filter(f -> f.role() == role).count();
            if (count != 1) {
                problems.add("files must list exactly one " + role.name().toLowerCase().replace('_', '-') + ", found " + count);
            }
        }
        Set<String> paths = new HashSet<>();
        for (PackFile f : m.files()) {
            if (!paths.add(f.path())) {
                problems.add("file " + f.path() + " is listed twice");
            }
            if (!SHA256_HEX.matcher(f.sha256()).matches()) {
                problems.add("sha256 of " + f.path() + " is not 64 lower-case hex digits");
            }
            if (f.size() < 0) {
                problems.add("size of " + f.path() + " is negative");
            }
            if (f.path().equals(PackManifest.FILE_NAME)) {
                problems.add("the manifest cannot list itself");
            }
        }
        if (!problems.isEmpty()) {
            throw new PackVerificationException(manifestFile, "invalid manifest: " + String.join("; ", problems));
        }
    }

    /**
     * A pack file as its manifest lists it: the size first (a file that grew or shrank is said as such, and not hashed),
     * then the SHA-256. Shared by every kind of pack (model packs, perception packs).
     *
     * @param sha the file's SHA-256; may be null when the size already differs
     * @throws PackVerificationException naming the file and the difference
     */
    public static void checkAsListed(Path file, long size, String sha, long listedSize, String listedSha) {
        if (size != listedSize) {
            throw new PackVerificationException(file, "size mismatch: the manifest says " + listedSize + " bytes, the file has " + size);
        }
        if (!listedSha.equals(sha)) {
            throw new PackVerificationException(file, "SHA-256 mismatch: the manifest says " + listedSha + ", the file has " + sha
                    + " (the file was changed or damaged)");
        }
    }

    /**
     * The file a manifest names, inside the pack folder: absolute paths, '..', backslashes and symbolic links are
     * refused. Shared by every kind of pack.
     */
    public static Path resolveInside(Path dir, Path manifestFile, String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains(":")) {
            throw new PackVerificationException(manifestFile, "file path '" + relative + "' must be relative, '/'-separated");
        }
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new PackVerificationException(manifestFile, "file path '" + relative + "' must not contain empty, '.' or '..' parts");
            }
        }
        Path file = dir.resolve(relative).normalize();
        if (!file.startsWith(dir)) {
            throw new PackVerificationException(manifestFile, "file path '" + relative + "' leaves the pack folder");
        }
        for (Path p = file; !p.equals(dir); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new PackVerificationException(file, "is a symbolic link; pack files must be plain files inside the pack folder");
            }
        }
        return file;
    }

    private static byte[] readRegularFile(Path file, String what) {
        if (Files.isSymbolicLink(file)) {
            throw new PackVerificationException(file, what + " is a symbolic link; pack files must be plain files");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackVerificationException(file, "missing file (" + what + ")");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackVerificationException(file, what + " is not a regular file");
        }
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 16) {
                throw new PackVerificationException(file, what + " is larger than 2 GB, which ONNX files cannot be");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PackVerificationException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackVerificationException(file, "missing file");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackVerificationException(file, "not a regular file");
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new PackVerificationException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static OnnxSignature readSignature(Path file, byte[] bytes) {
        try {
            return OnnxSignature.read(bytes);
        } catch (IOException e) {
            throw new PackVerificationException(file, e.getMessage(), e);
        }
    }

    /** Every external weights file an encoder refers to must be a file of the pack (so it was hashed above). */
    private static void checkExternalData(Path file, String encoderPath, byte[] bytes, PackManifest m) {
        Set<String> locations;
        try {
            locations = OnnxExternalData.locations(bytes);
        } catch (IOException e) {
            throw new PackVerificationException(file, e.getMessage(), e);
        }
        String folder = encoderPath.contains("/") ? encoderPath.substring(0, encoderPath.lastIndexOf('/') + 1) : "";
        for (String location : locations) {
            String listed = folder + location;
            if (m.files().stream().noneMatch(f -> f.path().equals(listed))) {
                throw new PackVerificationException(file, "refers to external weights '" + location + "' that the manifest does not list;"
                        + " every weights file must be listed (and so checked) with the pack");
            }
        }
    }

    /** Checks the image encoder's tensors; returns its fixed output dimension or -1 when symbolic. */
    private static long checkImageEncoder(Path file, OnnxSignature sig, PackManifest m) {
        PackManifest.ImageSettings s = m.image();
        OnnxSignature.Tensor in = sig.input(s.input()).orElseThrow(() -> new PackVerificationException(file,
                "wrong input names: the manifest names input '" + s.input() + "', the model takes " + names(sig.inputs())));
        if (sig.inputs().size() != 1) {
            throw new PackVerificationException(file, "wrong input names: an image encoder takes only '" + s.input() + "', this model takes " + names(sig.inputs()));
        }
        if (in.elementType() != ONNX_FLOAT) {
            throw new PackVerificationException(file, "input " + in.name() + " must be float32 (ONNX type 1), is type " + in.elementType());
        }
        checkBatch(file, in, s.batch(), "image.batch");
        if (in.dims().size() != 4 || badSpatial(in.fixedDim(1), 3) || badSpatial(in.fixedDim(2), s.size()) || badSpatial(in.fixedDim(3), s.size())) {
            throw new PackVerificationException(file, "wrong input shape: " + in.describe() + ", expected [N,3," + s.size() + "," + s.size() + "]");
        }
        return checkEmbeddingOutput(file, sig, s.output(), m.embeddingDimension(), s.pooling());
    }

    private static boolean badSpatial(long dim, int size) {
        return dim != -1 && dim != size;
    }

    private static long checkTextEncoder(Path file, OnnxSignature sig, PackManifest m) {
        PackManifest.TextSettings s = m.text();
        OnnxSignature.Tensor ids = sig.input(s.input()).orElseThrow(() -> new PackVerificationException(file,
                "wrong input names: the manifest names input '" + s.input() + "', the model takes " + names(sig.inputs())));
        checkTokenTensor(file, ids, s);
        checkBatch(file, ids, s.batch(), "text.batch");
        int expectedInputs = 1;
        if (s.takesAttentionMask()) {
            OnnxSignature.Tensor mask = sig.input(s.attentionMaskInput()).orElseThrow(() -> new PackVerificationException(file,
                    "wrong input names: the manifest names attention mask input '" + s.attentionMaskInput() + "', the model takes " + names(sig.inputs())));
            checkTokenTensor(file, mask, s);
            expectedInputs++;
        }
        if (s.tokenTypeInput() != null) {
            OnnxSignature.Tensor types = sig.input(s.tokenTypeInput()).orElseThrow(() -> new PackVerificationException(file,
                    "wrong input names: the manifest names token-type input '" + s.tokenTypeInput() + "', the model takes " + names(sig.inputs())));
            checkTokenTensor(file, types, s);
            expectedInputs++;
        }
        if (sig.inputs().size() != expectedInputs) {
            List<String> supplied = new java.util.ArrayList<>(List.of(s.input()));
            if (s.takesAttentionMask()) {
                supplied.add(s.attentionMaskInput());
            }
            if (s.tokenTypeInput() != null) {
                supplied.add(s.tokenTypeInput());
            }
            throw new PackVerificationException(file, "wrong input names: the model takes " + names(sig.inputs())
                    + " but the manifest supplies only " + String.join(" and ", supplied));
        }
        return checkEmbeddingOutput(file, sig, s.output(), m.embeddingDimension(), s.pooling());
    }

    private static void checkTokenTensor(Path file, OnnxSignature.Tensor t, PackManifest.TextSettings s) {
        int contextLength = s.contextLength();
        if (t.elementType() != ONNX_INT64 && t.elementType() != ONNX_INT32) {
            throw new PackVerificationException(file, "input " + t.name() + " must be int64 (ONNX type 7) or int32 (type 6), is type "
                    + t.elementType());
        }
        if (t.elementType() != s.tokens().onnxCode()) {
            throw new PackVerificationException(file, "input " + t.name() + " takes " + (t.elementType() == ONNX_INT32 ? "int32" : "int64")
                    + " tokens but the manifest's text.tokenType is " + s.tokens().name().toLowerCase());
        }
        if (t.dims().size() != 2 || badSpatial(t.fixedDim(1), contextLength)) {
            throw new PackVerificationException(file, "wrong input shape: " + t.describe() + ", expected [N," + contextLength + "]");
        }
    }

    /** A batch size the manifest records must be the one the graph fixes; a fixed graph batch needs no manifest entry (the runtime reads it). */
    private static void checkBatch(Path file, OnnxSignature.Tensor in, Integer manifestBatch, String field) {
        long fixed = in.dims().isEmpty() ? -1 : in.fixedDim(0);
        if (manifestBatch != null && fixed > 0 && fixed != manifestBatch) {
            throw new PackVerificationException(file, "input " + in.describe() + " takes a fixed batch of " + fixed + " but the manifest's "
                    + field + " is " + manifestBatch);
        }
    }

    /**
     * Checks the embedding output: [N, D] without pooling; [N, tokens, D] with pooling (the pooled vector has the last
     * dimension). Returns D, or -1 when symbolic.
     */
    private static long checkEmbeddingOutput(Path file, OnnxSignature sig, String name, int dimension, PackManifest.Pooling pooling) {
        OnnxSignature.Tensor out = sig.output(name).orElseThrow(() -> new PackVerificationException(file,
                "wrong output names: the manifest names output '" + name + "', the model gives " + names(sig.outputs())));
        if (out.elementType() != ONNX_FLOAT) {
            throw new PackVerificationException(file, "output " + name + " must be float32 (ONNX type 1), is type " + out.elementType());
        }
        int rank = pooling == null ? 2 : 3;
        if (out.dims().size() != rank) {
            throw new PackVerificationException(file, "wrong output shape: " + out.describe() + ", expected "
                    + (pooling == null ? "[N," + dimension + "]" + (out.dims().size() == 3
                            ? " (token states [N,tokens,D] need a pooling: cls or mean in the manifest)" : "")
                    : "[N,tokens," + dimension + "] (token states, pooled by " + pooling.name().toLowerCase(java.util.Locale.ROOT) + ")"));
        }
        long d = out.fixedDim(rank - 1);
        if (d != -1 && d != dimension) {
            throw new PackVerificationException(file, "wrong output shape: " + out.describe() + " but the manifest says embeddingDimension " + dimension);
        }
        return d;
    }

    private static void checkTokenizer(Path file, byte[] bytes, int contextLength) {
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(bytes),
                Map.of("maxLength", Integer.toString(contextLength), "truncation", "true", "padding", "false"))) {
            tokenizer.encode("a test");
        } catch (IOException | RuntimeException e) {
            throw new PackVerificationException(file, "tokenizer does not load: " + firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    private static String names(List<OnnxSignature.Tensor> tensors) {
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
