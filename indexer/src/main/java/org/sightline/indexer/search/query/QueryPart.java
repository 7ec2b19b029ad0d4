package org.sightline.indexer.search.query;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One thing a prompt asks for, with the prompt words it was read from. Each part says which kind of evidence can
 * answer it ({@link #answeredBy()}), so a search can tell which parts this data directory cannot answer yet.
 */
public sealed interface QueryPart {

    /** The prompt words (lower case, in order) this part was read from. */
    List<String> words();

    /** What can answer this part. */
    Evidence answeredBy();

    /** The part in plain words, e.g. "at least 2 × person (colour white)". */
    String describe();

    /** The kinds of evidence a part needs. */
    enum Evidence {
        /** per-frame object detections (class, box, colour of the box) */
        DETECTIONS,
        /** detections linked over time (path, speed, dwell, proximity) */
        TRACKS,
        /** recognised text in the picture */
        SCENE_TEXT,
        /** the recording's wall-clock time */
        RECORDING_TIME,
        /** the vision-language model's picture-and-prompt similarity */
        MODEL
    }

    /**
     * How many of an object, inclusive bounds.
     *
     * @param atMost {@link Integer#MAX_VALUE} for no upper bound
     */
    record Count(int atLeast, int atMost) {
        public static final Count ANY = new Count(1, Integer.MAX_VALUE);

        public Count {
            if (atLeast < 0 || atMost < atLeast) {
                throw new IllegalArgumentException("a count from " + atLeast + " to " + atMost + " is empty");
            }
        }

        public static Count exactly(int n) {
            return new Count(n, n);
        }

        public static Count atLeast(int n) {
            return new Count(n, Integer.MAX_VALUE);
        }

        public boolean admits(int n) {
            return n >= atLeast && n <= atMost;
        }

        public String describe() {
            if (atLeast == atMost) {
                return "exactly " + atLeast;
            }
            if (atMost == Integer.MAX_VALUE) {
                return atLeast <= 1 ? "any number of" : "at least " + atLeast;
            }
            return atLeast == 0 ? "at most " + atMost : atLeast + " to " + atMost;
        }
    }

    /**
     * A colour seen on an object.
     *
     * @param on the garment or part it was said of ("jacket"), empty for the whole object
     */
    record Colour(String name, Optional<String> on) {
        public String describe() {
            return name + on.map(o -> " " + o).orElse("");
        }
    }

    /**
     * Objects of one kind, e.g. "two white vans" or "no people".
     *
     * @param noun      the prompt's word for it ("van")
     * @param classes   the COCO class names that count as it (a van is a car or a truck to a COCO detector)
     * @param count     how many must be seen at once; {@link Count#ANY} when the prompt did not say
     * @param colours   colours said of it, the object's own or its clothing's
     * @param negated   the prompt asks for moments WITHOUT it ("no people", "-bicycle")
     */
    record ObjectPart(String noun, List<String> classes, Count count, List<Colour> colours, boolean negated,
            List<String> words) implements QueryPart {
        public ObjectPart {
            classes = List.copyOf(classes);
            colours = List.copyOf(colours);
            words = List.copyOf(words);
        }

        ObjectPart with(Count c, List<String> moreWords) {
            return new ObjectPart(noun, classes, c, colours, negated, concat(words, moreWords));
        }

        ObjectPart with(Colour c, List<String> moreWords) {
            List<Colour> cs = new java.util.ArrayList<>(colours);
            cs.add(c);
            return new ObjectPart(noun, classes, count, cs, negated, concat(words, moreWords));
        }

        @Override
        public Evidence answeredBy() {
            return Evidence.DETECTIONS;
        }

        @Override
        public String describe() {
            StringBuilder s = new StringBuilder(negated ? "no " : "");
            if (!negated && !count.equals(Count.ANY)) {
                s.append(count.describe()).append(" × ");
            }
            s.append(String.join("/", classes));
            if (!noun.equals(classes.getFirst())) {
                s.append(" (\"").append(noun).append("\")");
            }
            if (!colours.isEmpty()) {
                s.append(", colour ").append(String.join(", ", colours.stream().map(Colour::describe).toList()));
            }
            return s.toString();
        }
    }

    /** A colour said of no object ("something red"): the whole picture's colour. */
    record ColourPart(String colour, List<String> words) implements QueryPart {
        public ColourPart {
            words = List.copyOf(words);
        }

        @Override
        public Evidence answeredBy() {
            return Evidence.MODEL;
        }

        @Override
        public String describe() {
            return "colour " + colour;
        }
    }

    /** How objects relate to each other over time. */
    enum Relation { NEAR, TOGETHER, EXCHANGING, CARRYING, FOLLOWING, MEETING }

    record RelationPart(Relation relation, List<String> words) implements QueryPart {
        public RelationPart {
            words = List.copyOf(words);
        }

        @Override
        public Evidence answeredBy() {
            return Evidence.TRACKS;
        }

        @Override
        public String describe() {
            return "relation " + relation.name().toLowerCase(Locale.ROOT);
        }
    }

    /** How something moves. */
    enum Motion { LEFT_TO_RIGHT, RIGHT_TO_LEFT, TOWARD_CAMERA, AWAY_FROM_CAMERA, RUNNING, WALKING, STOPPED, LOITERING,
        CROSSING, ENTERING, LEAVING, FAST }

    record MotionPart(Motion motion, List<String> words) implements QueryPart {
        public MotionPart {
            words = List.copyOf(words);
        }

        @Override
        public Evidence answeredBy() {
            return Evidence.TRACKS;
        }

        @Override
        public String describe() {
            return "motion " + motion.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * A daily window of wall-clock time ("at night": 21:00-05:00); it may wrap past midnight.
     */
    record TimeOfDayPart(String name, LocalTime from, LocalTime to, List<String> words) implements QueryPart {
        public TimeOfDayPart {
            words = List.copyOf(words);
        }

        @Override
        public Evidence answeredBy() {
            return Evidence.RECORDING_TIME;
        }

        @Override
        public String describe() {
            return name + " (" + from + "-" + to + ")";
        }
    }

    /** Text to find written in the picture (a plate, a sign); matched forgiving OCR confusions ({@link SceneText}). */
    record SceneTextPart(String text, List<String> words) implements QueryPart {
        public SceneTextPart {
            words = List.copyOf(words);
        }

        @Override
        public Evidence answeredBy() {
            return Evidence.SCENE_TEXT;
        }

        @Override
        public String describe() {
            return "text \"" + text + "\"";
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
