package org.sightline.indexer.search.query;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.indexer.search.query.QueryPart.Motion;
import org.sightline.indexer.search.query.QueryPart.Relation;
import org.sightline.models.generate.ColourVocabulary;

/**
 * The words and phrases {@link PromptParser} understands: object nouns and the COCO classes they mean, colours
 * (the colour vocabulary of the demonstration model), counts, relations, motions, times of day, clothing and
 * filler words. Phrases are lower case, words separated by single spaces.
 */
final class PromptVocabulary {
    private PromptVocabulary() {
    }

    private static final List<String> VEHICLE_CLASSES = List.of("car", "truck", "bus", "motorcycle");
    private static final List<String> BAG_CLASSES = List.of("backpack", "handbag", "suitcase");

    /** Object noun (singular and plural) to the COCO classes it stands for. */
    static final Map<String, List<String>> OBJECTS = objects();

    private static Map<String, List<String>> objects() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        put(m, List.of("person"), "person", "persons", "people", "man", "men", "woman", "women", "pedestrian", "child",
                "children", "kid", "boy", "girl", "guy", "lady", "someone", "somebody", "individual", "figure", "worker",
                "customer", "intruder", "suspect", "human", "adult", "visitor", "passer-by", "passerby", "anyone", "anybody");
        put(m, List.of("bicycle", "person"), "cyclist", "rider", "biker");
        put(m, List.of("bicycle"), "bicycle", "bike", "cycle", "pushbike", "push bike");
        put(m, List.of("motorcycle"), "motorcycle", "motorbike", "scooter", "moped", "motor bike");
        put(m, List.of("car"), "car", "sedan", "saloon", "hatchback", "estate", "coupe", "taxi", "cab", "jeep", "automobile");
        put(m, List.of("car", "truck"), "van", "pickup", "pick-up", "pickup truck", "suv", "minivan", "4x4");
        put(m, List.of("truck"), "truck", "lorry", "hgv", "trailer", "box truck", "tipper");
        put(m, List.of("bus"), "bus", "coach", "minibus");
        put(m, VEHICLE_CLASSES, "vehicle", "motor vehicle");
        put(m, BAG_CLASSES, "bag", "luggage", "holdall");
        put(m, List.of("backpack"), "backpack", "rucksack", "knapsack");
        put(m, List.of("handbag"), "handbag", "purse", "shoulder bag");
        put(m, List.of("suitcase"), "suitcase", "trolley bag");
        put(m, List.of("umbrella"), "umbrella");
        put(m, List.of("dog"), "dog", "puppy");
        put(m, List.of("cat"), "cat");
        put(m, List.of("bird"), "bird");
        put(m, List.of("horse"), "horse");
        put(m, List.of("cell phone"), "phone", "mobile phone", "cell phone", "mobile", "smartphone");
        put(m, List.of("laptop"), "laptop");
        put(m, List.of("bottle"), "bottle");
        put(m, List.of("knife"), "knife");
        put(m, List.of("bench"), "bench");
        put(m, List.of("chair"), "chair");
        put(m, List.of("traffic light"), "traffic light", "traffic lights");
        put(m, List.of("stop sign"), "stop sign");
        put(m, List.of("fire hydrant"), "fire hydrant", "hydrant");
        put(m, List.of("skateboard"), "skateboard");
        put(m, List.of("book"), "book");
        put(m, List.of("boat"), "boat");
        put(m, List.of("train"), "train");
        return m;
    }

    private static void put(Map<String, List<String>> m, List<String> classes, String... nouns) {
        for (String n : nouns) {
            m.put(n, classes);
            if (!n.endsWith("s") && !n.endsWith("people") && !n.endsWith("men") && !n.endsWith("children")) {
                m.putIfAbsent(plural(n), classes);
            }
        }
    }

    private static String plural(String n) {
        if (n.endsWith("x") || n.endsWith("ch") || n.endsWith("sh")) {
            return n + "es";
        }
        if (n.endsWith("y") && !n.endsWith("ey") && !n.endsWith("ay") && !n.endsWith("oy")) {
            return n.substring(0, n.length() - 1) + "ies";
        }
        if (n.endsWith("fe")) {
            return n.substring(0, n.length() - 2) + "ves";
        }
        return n + "s";
    }

    /** Clothing: a colour said of it is the colour of the person wearing it. */
    static final Set<String> CLOTHING = Set.of("jacket", "coat", "shirt", "t-shirt", "tshirt", "top", "hoodie", "hooded top",
            "jumper", "sweater", "dress", "skirt", "trousers", "jeans", "pants", "shorts", "hat", "cap", "helmet", "vest",
            "hi-vis", "uniform", "scarf", "shoes", "trainers", "boots", "gloves", "mask", "clothes", "clothing", "jackets",
            "coats", "shirts", "hats", "caps", "helmets", "hoodies", "tracksuit", "overalls");

    /** Colour word to its basic colour (the demonstration model's eleven). */
    static final Map<String, String> COLOURS = colours();

    private static Map<String, String> colours() {
        Map<String, String> m = new LinkedHashMap<>();
        for (var e : ColourVocabulary.colourWords().entrySet()) {
            String basic = e.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            m.put(e.getKey(), basic);
        }
        // words that are colours in a prompt but also nouns elsewhere ("orange" the fruit) stay colours here
        return m;
    }

    /** Words that sharpen a colour without changing it. */
    static final Set<String> COLOUR_SHADES = Set.of("dark", "light", "bright", "pale", "deep");

    static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("single", 1),
            Map.entry("lone", 1), Map.entry("solitary", 1), Map.entry("both", 2), Map.entry("pair", 2),
            Map.entry("couple", 2), Map.entry("twelve", 12), Map.entry("dozen", 12));

    /** Count words with no number: the least they mean. */
    static final Map<String, Integer> VAGUE_COUNTS = Map.of("several", 2, "multiple", 2, "many", 3, "group", 3,
            "crowd", 5, "few", 2, "lots", 4, "numerous", 3);

    /** Words saying "only one" of the last object ("a man alone"). */
    static final List<String> ALONE = List.of("alone", "on his own", "on her own", "on their own", "by himself",
            "by herself", "by themselves", "on its own", "by itself", "on my own");

    static final Map<String, Relation> RELATIONS = relations();

    private static Map<String, Relation> relations() {
        Map<String, Relation> m = new LinkedHashMap<>();
        for (String p : List.of("near", "next to", "beside", "close to", "nearby", "by the side of", "alongside", "approaching")) {
            m.put(p, Relation.NEAR);
        }
        for (String p : List.of("together", "side by side", "in a group", "as a group")) {
            m.put(p, Relation.TOGETHER);
        }
        for (String p : List.of("exchanging", "exchange", "handing", "handing over", "passing", "swapping", "giving",
                "receiving", "handover", "hand over")) {
            m.put(p, Relation.EXCHANGING);
        }
        for (String p : List.of("carrying", "holding", "pushing", "pulling", "dragging", "with a", "wheeling")) {
            m.put(p, Relation.CARRYING);
        }
        for (String p : List.of("following", "chasing", "behind", "pursuing", "tailgating")) {
            m.put(p, Relation.FOLLOWING);
        }
        for (String p : List.of("meeting", "talking to", "talking", "speaking to", "greeting", "shaking hands", "fighting",
                "arguing", "hugging")) {
            m.put(p, Relation.MEETING);
        }
        m.remove("with a"); // "with" is filler, but between two objects ("a man with a bag") the parser reads it as near
        return m;
    }

    static final Map<String, Motion> MOTIONS = motions();

    private static Map<String, Motion> motions() {
        Map<String, Motion> m = new LinkedHashMap<>();
        for (String p : List.of("left to right", "from left to right", "going right", "heading right", "moving right",
                "left-to-right", "eastbound")) {
            m.put(p, Motion.LEFT_TO_RIGHT);
        }
        for (String p : List.of("right to left", "from right to left", "going left", "heading left", "moving left",
                "right-to-left", "westbound")) {
            m.put(p, Motion.RIGHT_TO_LEFT);
        }
        for (String p : List.of("towards the camera", "toward the camera", "towards camera", "toward camera",
                "coming towards", "coming toward", "approaching the camera")) {
            m.put(p, Motion.TOWARD_CAMERA);
        }
        for (String p : List.of("away from the camera", "away from camera", "going away", "moving away")) {
            m.put(p, Motion.AWAY_FROM_CAMERA);
        }
        for (String p : List.of("running", "run", "runs", "sprinting", "fleeing", "jogging", "running away", "rushing")) {
            m.put(p, Motion.RUNNING);
        }
        for (String p : List.of("walking", "walk", "walks", "strolling", "on foot")) {
            m.put(p, Motion.WALKING);
        }
        for (String p : List.of("stopped", "stopping", "stationary", "parked", "parking", "standing still", "not moving",
                "idling", "halted", "standing", "stood", "waiting")) {
            m.put(p, Motion.STOPPED);
        }
        for (String p : List.of("loitering", "lingering", "hanging around", "hanging about", "hovering", "dwelling",
                "prowling", "lurking", "loiter", "loiters")) {
            m.put(p, Motion.LOITERING);
        }
        for (String p : List.of("crossing", "cross", "crosses", "passing by", "passing through", "going past", "driving past")) {
            m.put(p, Motion.CROSSING);
        }
        for (String p : List.of("entering", "enter", "enters", "arriving", "arrives", "coming in", "driving in", "walking in",
                "pulling in")) {
            m.put(p, Motion.ENTERING);
        }
        for (String p : List.of("leaving", "leave", "leaves", "exiting", "exit", "exits", "departing", "driving off",
                "driving away", "walking away", "pulling out", "going out")) {
            m.put(p, Motion.LEAVING);
        }
        for (String p : List.of("speeding", "fast", "racing", "quickly", "at speed")) {
            m.put(p, Motion.FAST);
        }
        return m;
    }

    record Window(String name, LocalTime from, LocalTime to) {
    }

    static final Map<String, Window> TIMES = times();

    private static Map<String, Window> times() {
        Window night = new Window("at night", LocalTime.of(21, 0), LocalTime.of(5, 0));
        Window morning = new Window("in the morning", LocalTime.of(6, 0), LocalTime.of(12, 0));
        Window afternoon = new Window("in the afternoon", LocalTime.of(12, 0), LocalTime.of(18, 0));
        Window evening = new Window("in the evening", LocalTime.of(18, 0), LocalTime.of(22, 0));
        Window day = new Window("in the daytime", LocalTime.of(7, 0), LocalTime.of(19, 0));
        Window dawn = new Window("at dawn", LocalTime.of(5, 0), LocalTime.of(7, 0));
        Window dusk = new Window("at dusk", LocalTime.of(17, 0), LocalTime.of(20, 0));
        Window noon = new Window("around midday", LocalTime.of(11, 0), LocalTime.of(14, 0));
        Window midnight = new Window("around midnight", LocalTime.of(23, 0), LocalTime.of(1, 0));
        Map<String, Window> m = new LinkedHashMap<>();
        for (String p : List.of("at night", "night", "nighttime", "night-time", "overnight", "during the night", "in the night",
                "at nighttime", "tonight", "after dark", "in the dark")) {
            m.put(p, night);
        }
        for (String p : List.of("in the morning", "morning", "this morning", "early morning", "in the early morning")) {
            m.put(p, morning);
        }
        for (String p : List.of("in the afternoon", "afternoon", "this afternoon")) {
            m.put(p, afternoon);
        }
        for (String p : List.of("in the evening", "evening", "this evening")) {
            m.put(p, evening);
        }
        for (String p : List.of("during the day", "daytime", "in the daytime", "by day", "in daylight", "daylight")) {
            m.put(p, day);
        }
        for (String p : List.of("at dawn", "dawn", "at sunrise", "sunrise", "daybreak")) {
            m.put(p, dawn);
        }
        for (String p : List.of("at dusk", "dusk", "at sunset", "sunset", "twilight")) {
            m.put(p, dusk);
        }
        for (String p : List.of("at midday", "midday", "at noon", "noon", "around noon", "lunchtime", "at lunchtime")) {
            m.put(p, noon);
        }
        for (String p : List.of("at midnight", "midnight", "around midnight")) {
            m.put(p, midnight);
        }
        return m;
    }

    /** Words that introduce text in the picture: "plate KX19ABC", "sign saying OPEN". */
    static final Set<String> TEXT_CUES = Set.of("plate", "plates", "registration", "reg", "number plate", "licence plate",
            "license plate", "numberplate", "sign saying", "sign reading", "text", "saying", "reading", "written", "vrm");

    static final Set<String> NEGATIONS = Set.of("no", "not", "without", "never", "excluding", "except", "minus", "but not");

    /** "nobody" and "no one": a negated person. */
    static final Set<String> NOBODY = Set.of("nobody", "no one", "noone", "no-one", "nothing but");

    static final Set<String> COUNT_AT_LEAST = Set.of("at least", "minimum of", "no fewer than", "no less than", "or more");
    static final Set<String> COUNT_MORE_THAN = Set.of("more than", "over", "above");
    static final Set<String> COUNT_AT_MOST = Set.of("at most", "no more than", "up to", "maximum of");
    static final Set<String> COUNT_FEWER_THAN = Set.of("fewer than", "less than", "under", "below");
    static final Set<String> COUNT_EXACTLY = Set.of("exactly", "only", "just");

    /** Words that carry no meaning of their own in a search prompt. */
    static final Set<String> FILLER = Set.of("a", "an", "the", "of", "in", "on", "at", "with", "and", "or", "to", "from",
            "by", "is", "are", "was", "were", "be", "being", "there", "that", "who", "which", "while", "whilst",
            "as", "into", "onto", "through", "his", "her", "their", "its", "it", "they", "he", "she", "this", "these",
            "those", "any", "find", "show", "me", "search", "look", "looking", "for", "footage", "video", "videos", "clip",
            "clips", "moment", "moments", "scene", "frame", "frames", "camera", "where", "when", "wearing", "dressed",
            "has", "have", "having", "some", "please", "all", "other", "another", "each", "up", "down", "out", "around",
            "about", "one's", "get", "gets", "getting", "seen", "visible", "appears", "appearing", "like", "&", "+");

    /** Longest phrase, in words, of any table above. */
    static final int LONGEST_PHRASE = 4;
}
