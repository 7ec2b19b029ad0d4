package org.sightline.models.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sightline.models.generate.OnnxGraph.Attribute;
import org.sightline.models.generate.OnnxGraph.ElementType;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.pack.PackManifest;
import org.sightline.models.pack.PackManifest.FileRole;
import org.sightline.models.pack.PackManifest.ImageSettings;
import org.sightline.models.pack.PackManifest.Interpolation;
import org.sightline.models.pack.PackManifest.PackFile;
import org.sightline.models.pack.PackManifest.ResizeRule;
import org.sightline.models.pack.PackManifest.TextSettings;

/**
 * Writes the demonstration model pack {@value #NAME}: a CLIP-shaped pair of ONNX encoders that understand colours
 * only.
 *
 * <p>Image encoder ({@code pixel_values [N,3,S,S] -> image_embeds [N,11]}): undoes the normalisation, assigns every
 * pixel softly to colour prototypes (several shades per colour; softmax of the negative squared distance in a
 * lightness/opponent-colour space that weighs hue more than brightness, divided by a temperature), averages over
 * the frame to get how much of it each colour covers, and takes the square root. The 11 coverages sum to 1, so the
 * vector already has unit length and a colour's score against a one-colour prompt is sqrt(coverage).
 *
 * <p>Text encoder ({@code input_ids [N,77] -> text_embeds [N,11]}): looks each token up in a word-to-colour table
 * (colour words and synonyms such as gray, crimson, navy; other words give zeros) and sums over the prompt. A
 * prompt without a colour word gives a zero vector, which the runtime reports as not understood.
 *
 * <p>The output is deterministic: the same code always writes the same bytes, so re-installing is recognised.
 */
public final class ColourModelPack {

    public static final String NAME = "sightline-demo-colours";
    public static final String VERSION = "1.0";
    public static final String KIND = "demonstration: understands colours only";
    public static final int IMAGE_SIZE = 64;
    public static final int CONTEXT_LENGTH = 77;

    static final String IMAGE_FILE = "image_encoder.onnx";
    static final String TEXT_FILE = "text_encoder.onnx";
    static final String TOKENIZER_FILE = "tokenizer.json";
    static final String README_FILE = "README.txt";

    /** Normalisation the pack declares (CLIP's), so the encoder input looks like a real CLIP input. */
    static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

    /** Softmax temperature on squared distances in the weighted colour space. */
    static final double TEMPERATURE = 0.004;
    /** Weight of the two opponent (hue) axes relative to lightness. */
    static final double CHROMA_WEIGHT = 2.0;

    /**
     * A colour prototype in sRGB 0..1. A shade between two basic colours (teal: green and blue) gives each half its
     * coverage, so coverages still sum to 1.
     */
    private record Prototype(String colour, String alsoColour, double r, double g, double b) {
        Prototype(String colour, double r, double g, double b) {
            this(colour, null, r, g, b);
        }
    }

    private static final List<Prototype> PROTOTYPES = List.of(
            new Prototype("black", 0.02, 0.02, 0.02),
            new Prototype("black", 0.10, 0.10, 0.11),
            new Prototype("white", 0.97, 0.97, 0.97),
            new Prototype("white", 0.84, 0.85, 0.87),
            new Prototype("grey", 0.21, 0.21, 0.22),
            new Prototype("grey", 0.34, 0.34, 0.35),
            new Prototype("grey", 0.48, 0.48, 0.49),
            new Prototype("grey", 0.64, 0.64, 0.65),
            new Prototype("red", 0.85, 0.10, 0.10),
            new Prototype("red", 0.58, 0.12, 0.18),
            new Prototype("red", 0.38, 0.05, 0.06),
            new Prototype("red", 0.45, 0.23, 0.25),
            new Prototype("red", 0.86, 0.45, 0.52),
            new Prototype("orange", 0.98, 0.55, 0.08),
            new Prototype("orange", 0.80, 0.40, 0.05),
            new Prototype("yellow", 0.98, 0.92, 0.15),
            new Prototype("yellow", 0.80, 0.74, 0.15),
            new Prototype("green", 0.15, 0.65, 0.20),
            new Prototype("green", 0.08, 0.38, 0.12),
            new Prototype("green", 0.55, 0.82, 0.35),
            new Prototype("blue", 0.10, 0.30, 0.85),
            new Prototype("blue", 0.05, 0.10, 0.45),
            new Prototype("blue", 0.45, 0.65, 0.95),
            new Prototype("green", "blue", 0.08, 0.50, 0.52),
            new Prototype("green", "blue", 0.56, 0.72, 0.70),
            new Prototype("purple", 0.50, 0.15, 0.65),
            new Prototype("purple", 0.30, 0.08, 0.40),
            new Prototype("pink", 0.98, 0.68, 0.80),
            new Prototype("pink", 0.95, 0.42, 0.72),
            new Prototype("brown", 0.50, 0.30, 0.14),
            new Prototype("brown", 0.33, 0.20, 0.10),
            new Prototype("brown", 0.68, 0.52, 0.36));

    private ColourModelPack() {
    }

    /**
     * Writes a complete pack folder (encoders, tokenizer, readme, manifest) into {@code dir}, creating it if needed.
     *
     * @return {@code dir}
     */
    public static Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            OnnxGraphWriter writer = new OnnxGraphWriter("sightline", VERSION, Map.of("", 13L));
            writer.write(imageGraph(), dir.resolve(IMAGE_FILE));
            writer.write(textGraph(new ColourVocabulary()), dir.resolve(TEXT_FILE));
            Files.write(dir.resolve(TOKENIZER_FILE), new ColourVocabulary().tokenizerJson());
            Files.writeString(dir.resolve(README_FILE), readme(), StandardCharsets.UTF_8);
            List<PackFile> files = new ArrayList<>();
            files.add(entry(dir, IMAGE_FILE, FileRole.IMAGE_ENCODER));
            files.add(entry(dir, TEXT_FILE, FileRole.TEXT_ENCODER));
            files.add(entry(dir, TOKENIZER_FILE, FileRole.TOKENIZER));
            files.add(entry(dir, README_FILE, FileRole.OTHER));
            Files.write(dir.resolve(PackManifest.FILE_NAME), manifest(files).toJson());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo colour pack to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The manifest of the pack with the given file list. */
    static PackManifest manifest(List<PackFile> files) {
        return new PackManifest(PackManifest.FORMAT, NAME, VERSION,
                "Sightline project licence; generated by Sightline, contains no third-party weights or data",
                "Demonstration model that understands colours only: ranks frames by how much of each basic colour they show.",
                KIND, ColourVocabulary.COLOURS.size(),
                new ImageSettings(IMAGE_SIZE, ResizeRule.SQUASH, Interpolation.BICUBIC, 1.0 / 255.0, MEAN, STD, "pixel_values", "image_embeds"),
                new TextSettings(CONTEXT_LENGTH, ColourVocabulary.PAD_ID, "input_ids", null, "text_embeds"),
                files);
    }

    /** The image encoder graph. */
    static OnnxGraph imageGraph() {
        ImageWeights w = imageWeights();
        OnnxGraph g = new OnnxGraph("sightline-demo-colours-image");
        g.input("pixel_values", ElementType.FLOAT, "batch_size", 3, IMAGE_SIZE, IMAGE_SIZE);
        addImageTower(g, "pixel_values", "image_embeds", MEAN, STD, w);
        g.output("image_embeds", ElementType.FLOAT, "batch_size", ColourVocabulary.COLOURS.size());
        return g;
    }

    /**
     * Adds the colour image encoder's weights and nodes to {@code g}, reading {@code input} ([N,3,H,W] pixels normalised
     * with {@code mean} and {@code std}) and defining {@code output} ([N,11]); for stand-ins of other export layouts.
     * The graph's inputs and outputs are left to the caller.
     */
    public static void addImageTower(OnnxGraph g, String input, String output, float[] mean, float[] std) {
        addImageTower(g, input, output, mean, std, imageWeights());
    }

    /** The prototype weights: logits linear in the pixel, and the prototype-to-colour table. */
    private record ImageWeights(float[] weights, float[] bias, float[] aggregate, int k, int colours) {
    }

    private static ImageWeights imageWeights() {
        int k = PROTOTYPES.size();
        int colours = ColourVocabulary.COLOURS.size();
        // Weighted colour space: f = D M x with M = [lightness; red-green; yellow-blue], D = diag(1, w, w).
        double[][] m = {
                {1 / 3.0, 1 / 3.0, 1 / 3.0},
                {CHROMA_WEIGHT, -CHROMA_WEIGHT, 0},
                {CHROMA_WEIGHT * 0.5, CHROMA_WEIGHT * 0.5, -CHROMA_WEIGHT}};
        // A = M^T M, so d^2(x, p) = (x-p)^T A (x-p) = x^T A x - 2 p^T A x + p^T A p. The first term is the same for
        // every prototype and cancels in the softmax, so the logits are linear in x: a 1x1 convolution.
        double[][] a = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int r = 0; r < 3; r++) {
                    a[i][j] += m[r][i] * m[r][j];
                }
            }
        }
        double[] perColour = new double[colours];
        for (Prototype p : PROTOTYPES) {
            for (Map.Entry<Integer, Float> share : shares(p).entrySet()) {
                perColour[share.getKey()] += share.getValue();
            }
        }
        float[] weights = new float[k * 3];
        float[] bias = new float[k];
        float[] aggregate = new float[k * colours];
        for (int i = 0; i < k; i++) {
            Prototype p = PROTOTYPES.get(i);
            double[] pv = {p.r(), p.g(), p.b()};
            double[] ap = new double[3];
            double pap = 0;
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    ap[r] += a[r][c] * pv[c];
                }
                pap += pv[r] * ap[r];
            }
            for (int c = 0; c < 3; c++) {
                weights[i * 3 + c] = (float) (2 * ap[c] / TEMPERATURE);
            }
            // Each colour gets about the same prior mass however many shades it has.
            double shadesOfColour = 0;
            for (Map.Entry<Integer, Float> share : shares(p).entrySet()) {
                aggregate[i * colours + share.getKey()] = share.getValue();
                shadesOfColour += share.getValue() * perColour[share.getKey()];
            }
            bias[i] = (float) (-pap / TEMPERATURE - Math.log(shadesOfColour));
        }
        return new ImageWeights(weights, bias, aggregate, k, colours);
    }

    private static void addImageTower(OnnxGraph g, String input, String output, float[] mean, float[] std, ImageWeights w) {
        g.initializer("std", std.clone(), 3);
        g.initializer("mean", mean.clone(), 3);
        g.initializer("prototype_weights", transpose(w.weights(), w.k(), 3), 3, w.k());
        g.initializer("prototype_bias", w.bias(), w.k());
        g.initializer("prototype_to_colour", w.aggregate(), w.k(), w.colours());
        // Channels last, so the per-pixel work is a MatMul and a softmax over the innermost axis (ONNX Runtime's fast paths).
        g.node("Transpose", List.of(input), List.of("pixels"), Attribute.ints("perm", 0, 2, 3, 1));
        g.node("Mul", List.of("pixels", "std"), List.of("scaled"));
        g.node("Add", List.of("scaled", "mean"), List.of("rgb"));
        g.node("MatMul", List.of("rgb", "prototype_weights"), List.of("weighted"));
        g.node("Add", List.of("weighted", "prototype_bias"), List.of("logits"));
        g.node("Softmax", List.of("logits"), List.of("assignment"), Attribute.of("axis", -1L));
        g.node("ReduceMean", List.of("assignment"), List.of("prototype_coverage"),
                Attribute.ints("axes", 1, 2), Attribute.of("keepdims", 0L));
        g.node("MatMul", List.of("prototype_coverage", "prototype_to_colour"), List.of("coverage"));
        g.node("Sqrt", List.of("coverage"), List.of(output));
    }

    /**
     * Adds a colour text encoder to {@code g}: each token id of {@code input} ([N,L], int64 or int32) looks up its row of
     * {@code table} ([vocab, 11]), rows are multiplied by {@code mask} ([N,L], when not null) and summed into
     * {@code output} ([N,11]). For stand-ins of other export layouts with another tokenizer's ids.
     */
    public static void addTextTower(OnnxGraph g, String input, String mask, String output, float[] table, int vocab) {
        int colours = ColourVocabulary.COLOURS.size();
        g.initializer("colour_table", table, vocab, colours);
        g.initializer("sequence_axis", new long[] {1}, 1);
        if (mask == null) {
            g.node("Gather", List.of("colour_table", input), List.of("token_colours"), Attribute.of("axis", 0L));
        } else {
            g.initializer("last_axis", new long[] {2}, 1);
            g.node("Gather", List.of("colour_table", input), List.of("unmasked_colours"), Attribute.of("axis", 0L));
            g.node("Cast", List.of(mask), List.of("mask_float"), Attribute.of("to", (long) ElementType.FLOAT.code()));
            g.node("Unsqueeze", List.of("mask_float", "last_axis"), List.of("mask_column"));
            g.node("Mul", List.of("unmasked_colours", "mask_column"), List.of("token_colours"));
        }
        g.node("ReduceSum", List.of("token_colours", "sequence_axis"), List.of(output), Attribute.of("keepdims", 0L));
    }

    private static Map<Integer, Float> shares(Prototype p) {
        int first = ColourVocabulary.COLOURS.indexOf(p.colour());
        if (p.alsoColour() == null) {
            return Map.of(first, 1f);
        }
        return Map.of(first, 0.5f, ColourVocabulary.COLOURS.indexOf(p.alsoColour()), 0.5f);
    }

    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    /** The text encoder graph. */
    static OnnxGraph textGraph(ColourVocabulary vocabulary) {
        int colours = ColourVocabulary.COLOURS.size();
        OnnxGraph g = new OnnxGraph("sightline-demo-colours-text");
        g.input("input_ids", ElementType.INT64, "batch_size", CONTEXT_LENGTH);
        g.initializer("colour_table", vocabulary.colourTable(), vocabulary.size(), colours);
        g.initializer("sequence_axis", new long[] {1}, 1);
        g.node("Gather", List.of("colour_table", "input_ids"), List.of("token_colours"), Attribute.of("axis", 0L));
        g.node("ReduceSum", List.of("token_colours", "sequence_axis"), List.of("text_embeds"), Attribute.of("keepdims", 0L));
        g.output("text_embeds", ElementType.FLOAT, "batch_size", colours);
        return g;
    }

    private static PackFile entry(Path dir, String name, FileRole role) throws IOException {
        Path file = dir.resolve(name);
        return new PackFile(name, role, Files.size(file), Sha256.ofRegularFile(file));
    }

    private static String readme() {
        return """
                sightline-demo-colours %s: a DEMONSTRATION model that understands colours only.

                It was generated by Sightline's own code (org.sightline.models.generate.ColourModelPack); it has no
                learned weights. The image encoder measures how much of a frame each basic colour covers (%s);
                the text encoder recognises those colour words and synonyms (gray, crimson, navy, ...). A prompt such as
                "red car" therefore finds frames with red in them, and "car" alone is not understood.
                Install a real vision-language model pack for real searches.
                """.formatted(VERSION, String.join(", ", ColourVocabulary.COLOURS));
    }
}
