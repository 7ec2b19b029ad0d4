package org.sightline.models.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the demonstration colour model knows: the eleven basic colours, their synonyms, and common
 * non-colour words (which map to nothing). Produces the model's {@code tokenizer.json} (a Hugging Face
 * WordLevel tokenizer: lower-casing, whitespace/punctuation splitting, start and end tokens) and the
 * word-to-colour table its text encoder looks up.
 */
public final class ColourVocabulary {

    /** The basic colours, in embedding order. */
    public static final List<String> COLOURS = List.of(
            "black", "white", "grey", "red", "orange", "yellow", "green", "blue", "purple", "pink", "brown");

    public static final String PAD = "[PAD]";
    public static final String UNK = "[UNK]";
    public static final String START = "<|startoftext|>";
    public static final String END = "<|endoftext|>";
    public static final long PAD_ID = 0;

    /** Colour words: each word's colour mixture (colour name -> weight, normalised later). */
    private static final Map<String, Map<String, Double>> COLOUR_WORDS = colourWords();

    private static final List<String> OTHER_WORDS = List.of(
            "a", "an", "the", "of", "in", "on", "at", "with", "and", "or", "to", "from", "by", "near", "into", "through",
            "is", "are", "was", "it", "this", "that", "some", "two", "three", "one", "many", "few",
            "dark", "light", "bright", "pale", "deep", "colour", "color", "coloured", "colored",
            "car", "cars", "truck", "lorry", "van", "bus", "bike", "bicycle", "cyclist", "motorbike", "vehicle", "suv", "taxi",
            "person", "people", "man", "woman", "child", "pedestrian", "walking", "running", "standing", "driving", "parked",
            "shirt", "jacket", "coat", "hat", "bag", "dress", "door", "gate", "wall", "floor", "table", "road", "street",
            "aisle", "parking", "lot", "sign", "tree", "grass", "sky", "building", "window", "night", "day", "photo", "picture");

    private final List<String> vocab;
    private final Map<String, Integer> ids;

    public ColourVocabulary() {
        List<String> words = new ArrayList<>(List.of(PAD, UNK, START, END));
        words.addAll(COLOURS);
        for (String w : COLOUR_WORDS.keySet()) {
            if (!words.contains(w)) {
                words.add(w);
            }
        }
        for (String w : OTHER_WORDS) {
            if (!words.contains(w)) {
                words.add(w);
            }
        }
        this.vocab = List.copyOf(words);
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            map.put(vocab.get(i), i);
        }
        this.ids = map;
    }

    public int size() {
        return vocab.size();
    }

    /** Every colour word (colours and synonyms) and its colour mixture, for tests and documentation. */
    public static Map<String, Map<String, Double>> colourWords() {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        for (String c : COLOURS) {
            m.put(c, Map.of(c, 1.0));
        }
        put(m, "black", "ebony", "jet", "blackish");
        put(m, "white", "ivory", "cream", "snow", "whitish", "pearl");
        put(m, "grey", "gray", "silver", "silvery", "ash", "charcoal", "slate", "greyish", "grayish", "graphite");
        put(m, "red", "crimson", "scarlet", "maroon", "burgundy", "ruby", "cherry", "vermilion", "reddish", "wine");
        put(m, "orange", "amber", "tangerine", "apricot", "orangey", "rust");
        put(m, "yellow", "gold", "golden", "lemon", "mustard", "yellowish");
        put(m, "green", "olive", "lime", "emerald", "greenish", "jade");
        put(m, "blue", "navy", "azure", "cobalt", "sapphire", "bluish", "blueish", "denim");
        put(m, "purple", "violet", "lilac", "lavender", "mauve", "plum", "purplish");
        put(m, "pink", "rose", "fuchsia", "salmon", "pinkish");
        put(m, "brown", "tan", "beige", "khaki", "chocolate", "bronze", "copper", "brownish", "coffee");
        m.put("teal", Map.of("green", 1.0, "blue", 1.0));
        m.put("turquoise", Map.of("green", 1.0, "blue", 1.0));
        m.put("cyan", Map.of("green", 1.0, "blue", 1.0));
        m.put("aqua", Map.of("green", 1.0, "blue", 1.0));
        m.put("indigo", Map.of("blue", 1.0, "purple", 1.0));
        m.put("magenta", Map.of("purple", 1.0, "pink", 1.0));
        return m;
    }

    private static void put(Map<String, Map<String, Double>> m, String colour, String... words) {
        for (String w : words) {
            m.put(w, Map.of(colour, 1.0));
        }
    }

    /** The {@code [vocab, 11]} table: row i is the unit colour direction of token i, or zeros. */
    public float[] colourTable() {
        int dim = COLOURS.size();
        float[] table = new float[vocab.size() * dim];
        for (Map.Entry<String, Map<String, Double>> e : COLOUR_WORDS.entrySet()) {
            int row = ids.get(e.getKey());
            double norm = Math.sqrt(e.getValue().values().stream().mapToDouble(v -> v * v).sum());
            for (Map.Entry<String, Double> c : e.getValue().entrySet()) {
                table[row * dim + COLOURS.indexOf(c.getKey())] = (float) (c.getValue() / norm);
            }
        }
        return table;
    }

    /** A Hugging Face {@code tokenizer.json} (WordLevel) that DJL's HuggingFaceTokenizer loads. */
    public byte[] tokenizerJson() {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String special : List.of(PAD, UNK, START, END)) {
            ObjectNode t = added.addObject();
            t.put("id", ids.get(special));
            t.put("content", special);
            t.put("single_word", false);
            t.put("lstrip", false);
            t.put("rstrip", false);
            t.put("normalized", false);
            t.put("special", true);
        }
        root.putObject("normalizer").put("type", "Lowercase");
        root.putObject("pre_tokenizer").put("type", "Whitespace");
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        special(single, START);
        sequence(single, "A", 0);
        special(single, END);
        ArrayNode pair = post.putArray("pair");
        special(pair, START);
        sequence(pair, "A", 0);
        sequence(pair, "B", 1);
        special(pair, END);
        ObjectNode specials = post.putObject("special_tokens");
        for (String s : List.of(START, END)) {
            ObjectNode t = specials.putObject(s);
            t.put("id", s);
            t.putArray("ids").add(ids.get(s));
            t.putArray("tokens").add(s);
        }
        root.putNull("decoder");
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        ObjectNode v = model.putObject("vocab");
        for (int i = 0; i < vocab.size(); i++) {
            v.put(vocab.get(i), i);
        }
        model.put("unk_token", UNK);
        try {
            return (json.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void special(ArrayNode template, String token) {
        ObjectNode t = template.addObject().putObject("SpecialToken");
        t.put("id", token);
        t.put("type_id", 0);
    }

    private static void sequence(ArrayNode template, String id, int typeId) {
        ObjectNode t = template.addObject().putObject("Sequence");
        t.put("id", id);
        t.put("type_id", typeId);
    }
}
