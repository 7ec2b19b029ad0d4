package org.sightline.indexer.search.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.indexer.search.query.PromptVocabulary.Window;
import org.sightline.indexer.search.query.QueryPart.Colour;
import org.sightline.indexer.search.query.QueryPart.ColourPart;
import org.sightline.indexer.search.query.QueryPart.Count;
import org.sightline.indexer.search.query.QueryPart.MotionPart;
import org.sightline.indexer.search.query.QueryPart.ObjectPart;
import org.sightline.indexer.search.query.QueryPart.RelationPart;
import org.sightline.indexer.search.query.QueryPart.SceneTextPart;
import org.sightline.indexer.search.query.QueryPart.TimeOfDayPart;

/**
 * Reads a written prompt into the parts an index can answer: objects (mapped onto COCO classes, with synonyms),
 * counts, colours of objects and of clothing, relations, motion and direction, times of day, quoted text and
 * negation. Works from fixed word lists ({@link PromptVocabulary}): no model, no network. Longer phrases win over
 * shorter ones ("passing by" is motion, "passing" alone an exchange). Stateless and thread safe.
 */
public final class PromptParser {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|\u201C([^\u201D]*)\u201D");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** A piece of a plate typed after its first: capital letters and digits, at most four ("plate KX19 ABC"). */
    private static final Pattern PLATE_PIECE = Pattern.compile("[A-Z0-9]{1,4}");

    private enum Role { FILLER, UNKNOWN, VISUAL, STRUCTURE }

    /** @param capitals typed in capital letters and digits only ("ABC", "KX19"), as the rest of a plate may be */
    private record Token(String word, boolean quoted, boolean dashNegated, boolean capitals) {
    }

    /** Reads {@code prompt}; never fails: what it does not understand ends up in {@link ParsedPrompt#unknown()}. */
    public ParsedPrompt parse(String prompt) {
        return new Pass(tokenize(prompt)).run(prompt);
    }

    private static List<Token> tokenize(String prompt) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = QUOTED.matcher(prompt);
        int at = 0;
        while (m.find()) {
            words(prompt.substring(at, m.start()), tokens);
            String text = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
            if (!text.isEmpty()) {
                tokens.add(new Token(text, true, false, false));
            }
            at = m.end();
        }
        words(prompt.substring(at), tokens);
        return tokens;
    }

    private static void words(String text, List<Token> into) {
        for (String raw : text.strip().split("\\s+")) {
            boolean dash = raw.startsWith("-") && raw.length() > 1 && !raw.startsWith("--");
            String w = raw.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}\\p{N}&+]+|[^\\p{L}\\p{N}&+]+$", "");
            if (w.endsWith("'s") && w.length() > 2) {
                w = w.substring(0, w.length() - 2);
            }
            if (!w.isEmpty()) {
                into.add(new Token(w, false, dash, PLATE_PIECE.matcher(raw).matches()));
            }
        }
    }

    /** One left-to-right reading of a prompt's tokens. */
    private static final class Pass {
        private final List<Token> tokens;
        private final Role[] roles;
        private final List<QueryPart> parts = new ArrayList<>();
        private final List<String> unknown = new ArrayList<>();

        private Count pendingCount;
        private final List<String> countWords = new ArrayList<>();
        private final List<Integer> countTokens = new ArrayList<>();
        private String pendingColour;
        private final List<String> colourWords = new ArrayList<>();
        private final List<Integer> colourTokens = new ArrayList<>();
        private final List<String> negationWords = new ArrayList<>();
        private final List<Integer> negationTokens = new ArrayList<>();
        /** Index in {@link #parts} of the last object, -1 before any. */
        private int lastObject = -1;
        /** The token "with" right after an object ("a man with"), -1 when none is pending. */
        private int withAt = -1;
        /** Only filler since the last object ("a man in red"). */
        private boolean onlyFillerSinceObject;

        Pass(List<Token> tokens) {
            this.tokens = tokens;
            this.roles = new Role[tokens.size()];
        }

        ParsedPrompt run(String prompt) {
            int i = 0;
            while (i < tokens.size()) {
                i = step(i);
            }
            flushColour();
            dropPendingCount();
            dropPendingNegation();
            for (int t = 0; t < tokens.size(); t++) {
                if (roles[t] == Role.UNKNOWN) {
                    unknown.add(tokens.get(t).word());
                }
            }
            return new ParsedPrompt(prompt, parts, unknown, visualText());
        }

        /** Reads what starts at token {@code i}; returns the index of the next unread token. */
        private int step(int i) {
            Token t = tokens.get(i);
            if (t.quoted()) {
                addPart(new SceneTextPart(t.word(), List.of("\"" + t.word() + "\"")), i, 1, Role.STRUCTURE);
                return i + 1;
            }
            if (t.dashNegated()) {
                negationWords.add("-");
                negationTokens.add(-1);
            }
            for (int length = Math.min(PromptVocabulary.LONGEST_PHRASE, plainRun(i)); length >= 1; length--) {
                String phrase = phrase(i, length);
                int next = i + length;
                List<String> words = Arrays.asList(phrase.split(" "));
                if (PromptVocabulary.NOBODY.contains(phrase)) {
                    negationWords.addAll(words);
                    object("person", List.of("person"), i, length, List.of());
                    return next;
                }
                if (PromptVocabulary.ALONE.contains(phrase)) {
                    alone(words, i, length);
                    return next;
                }
                Window window = PromptVocabulary.TIMES.get(phrase);
                if (window != null) {
                    addPart(new TimeOfDayPart(window.name(), window.from(), window.to(), words), i, length, Role.STRUCTURE);
                    return next;
                }
                var motion = PromptVocabulary.MOTIONS.get(phrase);
                if (motion != null) {
                    addPart(new MotionPart(motion, words), i, length, Role.VISUAL);
                    return next;
                }
                var relation = PromptVocabulary.RELATIONS.get(phrase);
                if (relation != null) {
                    addPart(new RelationPart(relation, words), i, length, Role.VISUAL);
                    return next;
                }
                if (PromptVocabulary.TEXT_CUES.contains(phrase) && next < tokens.size()
                        && (tokens.get(next).quoted() || DIGITS.matcher(tokens.get(next).word()).find())) {
                    Token text = tokens.get(next);
                    List<String> all = new ArrayList<>(words);
                    all.add(text.quoted() ? "\"" + text.word() + "\"" : text.word());
                    String value = text.quoted() ? text.word() : text.word().toUpperCase(Locale.ROOT);
                    int end = next + 1;
                    // the rest of a plate typed with a space, in capitals: "plate KX19 ABC"
                    while (!text.quoted() && end < tokens.size() && end - next < 3 && tokens.get(end).capitals()
                            && !tokens.get(end).quoted()) {
                        all.add(tokens.get(end).word());
                        value = value + " " + tokens.get(end).word().toUpperCase(Locale.ROOT);
                        end++;
                    }
                    addPart(new SceneTextPart(value, all), i, end - i, Role.STRUCTURE);
                    return end;
                }
                List<String> classes = PromptVocabulary.OBJECTS.get(phrase);
                if (classes != null) {
                    object(phrase, classes, i, length, words);
                    return next;
                }
                if (PromptVocabulary.CLOTHING.contains(phrase) && pendingColour != null) {
                    clothing(phrase, i, length);
                    return next;
                }
                Optional<Count> comparison = comparison(phrase, next);
                if (comparison.isPresent()) {
                    setCount(comparison.get(), i, length + 1);
                    return next + 1;
                }
                if (PromptVocabulary.NEGATIONS.contains(phrase)) {
                    negationWords.addAll(words);
                    for (int k = i; k < next; k++) {
                        negationTokens.add(k);
                        roles[k] = Role.STRUCTURE;
                    }
                    return next;
                }
            }
            String w = t.word();
            Integer number = number(w);
            if (number != null && number > 0 && followedByObjectSoon(i + 1)) {
                // "two people" asks for two or more in view; "exactly two" for no more
                setCount(Count.atLeast(number), i, 1);
                return i + 1;
            }
            Integer vague = PromptVocabulary.VAGUE_COUNTS.get(w);
            if (vague != null && followedByObjectSoon(i + 1)) {
                setCount(Count.atLeast(vague), i, 1);
                return i + 1;
            }
            if (PromptVocabulary.COLOUR_SHADES.contains(w) && i + 1 < tokens.size()
                    && PromptVocabulary.COLOURS.containsKey(tokens.get(i + 1).word())) {
                colourWords.add(w);
                colourTokens.add(i);
                roles[i] = Role.VISUAL;
                return i + 1;
            }
            String colour = PromptVocabulary.COLOURS.get(w);
            if (colour != null) {
                if (pendingColour != null) {
                    flushColour();
                }
                pendingColour = colour;
                colourWords.add(w);
                colourTokens.add(i);
                roles[i] = Role.VISUAL;
                return i + 1;
            }
            if (PromptVocabulary.FILLER.contains(w)) {
                roles[i] = Role.FILLER;
                if (w.equals("with") && onlyFillerSinceObject && lastObject == parts.size() - 1
                        && !((ObjectPart) parts.get(lastObject)).negated()) {
                    withAt = i; // "a man with a bag": the bag beside the man, if an object follows
                }
                return i + 1;
            }
            roles[i] = Role.UNKNOWN;
            onlyFillerSinceObject = false;
            return i + 1;
        }

        /** How many tokens from {@code i} are plain words (phrases never run into quoted text). */
        private int plainRun(int i) {
            int n = 0;
            while (i + n < tokens.size() && !tokens.get(i + n).quoted() && (n == 0 || !tokens.get(i + n).dashNegated())) {
                n++;
            }
            return n;
        }

        private String phrase(int i, int length) {
            StringBuilder s = new StringBuilder();
            for (int k = i; k < i + length; k++) {
                if (k > i) {
                    s.append(' ');
                }
                s.append(tokens.get(k).word());
            }
            return s.toString();
        }

        private static Integer number(String w) {
            if (DIGITS.matcher(w).matches() && w.length() <= 4) {
                return Integer.parseInt(w);
            }
            return PromptVocabulary.NUMBERS.get(w);
        }

        /** An object noun within the next three tokens (past filler, colours and unknown adjectives). */
        private boolean followedByObjectSoon(int from) {
            for (int k = from; k < Math.min(tokens.size(), from + 4); k++) {
                String w = tokens.get(k).word();
                if (tokens.get(k).quoted()) {
                    return false;
                }
                if (PromptVocabulary.OBJECTS.containsKey(w)
                        || (k + 1 < tokens.size() && PromptVocabulary.OBJECTS.containsKey(w + " " + tokens.get(k + 1).word()))) {
                    return true;
                }
            }
            return false;
        }

        /** "at least 3", "more than two", "fewer than 4", "exactly 2": the comparison and the number after it. */
        private Optional<Count> comparison(String phrase, int numberAt) {
            if (numberAt >= tokens.size() || tokens.get(numberAt).quoted()) {
                return Optional.empty();
            }
            Integer n = number(tokens.get(numberAt).word());
            if (n == null) {
                return Optional.empty();
            }
            if (PromptVocabulary.COUNT_AT_LEAST.contains(phrase)) {
                return Optional.of(Count.atLeast(n));
            }
            if (PromptVocabulary.COUNT_MORE_THAN.contains(phrase)) {
                return Optional.of(Count.atLeast(n + 1));
            }
            if (PromptVocabulary.COUNT_AT_MOST.contains(phrase)) {
                return Optional.of(new Count(0, n));
            }
            if (PromptVocabulary.COUNT_FEWER_THAN.contains(phrase) && n > 0) {
                return Optional.of(new Count(0, n - 1));
            }
            if (PromptVocabulary.COUNT_EXACTLY.contains(phrase)) {
                return Optional.of(Count.exactly(n));
            }
            return Optional.empty();
        }

        private void setCount(Count count, int i, int length) {
            dropPendingCount();
            pendingCount = count;
            for (int k = i; k < i + length; k++) {
                countWords.add(tokens.get(k).word());
                countTokens.add(k);
                roles[k] = Role.STRUCTURE;
            }
        }

        private void object(String noun, List<String> classes, int i, int length, List<String> nounWords) {
            boolean negated = !negationWords.isEmpty();
            List<String> words = new ArrayList<>(negationWords);
            words.addAll(countWords);
            words.addAll(colourWords);
            words.addAll(nounWords);
            List<Colour> colours = pendingColour == null ? List.of() : List.of(new Colour(pendingColour, Optional.empty()));
            Count count = pendingCount == null ? Count.ANY : pendingCount;
            if (negated) {
                count = Count.ANY;
            }
            ObjectPart part = new ObjectPart(noun, classes, count, colours, negated, words);
            Role role = negated ? Role.STRUCTURE : Role.VISUAL;
            if (withAt >= 0 && !negated && lastObject == parts.size() - 1) {
                parts.add(new RelationPart(QueryPart.Relation.NEAR, List.of(tokens.get(withAt).word())));
            }
            withAt = -1;
            if (negated) {
                // the colour words of a negated object do not describe what is wanted either
                for (int k : colourTokens) {
                    roles[k] = Role.STRUCTURE;
                }
            }
            pendingColour = null;
            colourWords.clear();
            colourTokens.clear();
            pendingCount = null;
            countWords.clear();
            countTokens.clear();
            negationWords.clear();
            negationTokens.clear();
            for (int k = i; k < i + length; k++) {
                roles[k] = role;
            }
            parts.add(part);
            lastObject = parts.size() - 1;
            onlyFillerSinceObject = true;
        }

        /** "red jacket": the colour of the person wearing it. */
        private void clothing(String garment, int i, int length) {
            withAt = -1;
            Colour colour = new Colour(pendingColour, Optional.of(garment));
            List<String> words = new ArrayList<>(colourWords);
            words.addAll(Arrays.asList(garment.split(" ")));
            pendingColour = null;
            colourWords.clear();
            colourTokens.clear();
            for (int k = i; k < i + length; k++) {
                roles[k] = Role.VISUAL;
            }
            int person = lastPerson();
            if (person >= 0) {
                parts.set(person, ((ObjectPart) parts.get(person)).with(colour, words));
            } else {
                Count count = pendingCount == null ? Count.ANY : pendingCount;
                List<String> all = new ArrayList<>(countWords);
                all.addAll(words);
                pendingCount = null;
                countWords.clear();
                countTokens.clear();
                parts.add(new ObjectPart("person", List.of("person"), count, List.of(colour), false, all));
                lastObject = parts.size() - 1;
            }
            onlyFillerSinceObject = true;
        }

        private int lastPerson() {
            for (int p = parts.size() - 1; p >= 0; p--) {
                if (parts.get(p) instanceof ObjectPart o && !o.negated() && o.classes().contains("person")) {
                    return p;
                }
            }
            return -1;
        }

        /** "alone": exactly one of the last object, or of people when none was named yet. */
        private void alone(List<String> words, int i, int length) {
            for (int k = i; k < i + length; k++) {
                roles[k] = Role.STRUCTURE;
            }
            if (lastObject >= 0 && parts.get(lastObject) instanceof ObjectPart o && !o.negated()) {
                parts.set(lastObject, o.with(Count.exactly(1), words));
            } else {
                parts.add(new ObjectPart("person", List.of("person"), Count.exactly(1), List.of(), false, words));
                lastObject = parts.size() - 1;
            }
        }

        private void addPart(QueryPart part, int i, int length, Role role) {
            withAt = -1;
            flushColour();
            dropPendingCount();
            dropPendingNegation();
            for (int k = i; k < i + length; k++) {
                roles[k] = role;
            }
            parts.add(part);
            onlyFillerSinceObject = false;
        }

        /** A colour no object followed: the last object's ("a man in red") or the picture's. */
        private void flushColour() {
            if (pendingColour == null) {
                return;
            }
            if (onlyFillerSinceObject && lastObject >= 0 && parts.get(lastObject) instanceof ObjectPart o && !o.negated()) {
                parts.set(lastObject, o.with(new Colour(pendingColour, Optional.empty()), colourWords));
            } else {
                parts.add(new ColourPart(pendingColour, colourWords));
            }
            pendingColour = null;
            colourWords.clear();
            colourTokens.clear();
        }

        /** A count no object followed: its words are not understood. */
        private void dropPendingCount() {
            for (int k : countTokens) {
                roles[k] = Role.UNKNOWN;
            }
            pendingCount = null;
            countWords.clear();
            countTokens.clear();
        }

        private void dropPendingNegation() {
            for (int k : negationTokens) {
                if (k >= 0) {
                    roles[k] = Role.UNKNOWN;
                }
            }
            negationWords.clear();
            negationTokens.clear();
        }

        private String visualText() {
            int first = -1;
            int last = -1;
            for (int k = 0; k < roles.length; k++) {
                if (roles[k] == Role.VISUAL || roles[k] == Role.UNKNOWN) {
                    first = first < 0 ? k : first;
                    last = k;
                }
            }
            if (first < 0) {
                return "";
            }
            List<String> out = new ArrayList<>();
            for (int k = first; k <= last; k++) {
                if (roles[k] != Role.STRUCTURE) {
                    out.add(tokens.get(k).word());
                }
            }
            return String.join(" ", out);
        }
    }
}
