package org.sightline.indexer.export;

import java.util.Locale;

/**
 * A user-drawn box that follows its object: drawn at {@code atClipSeconds} (seconds from the clip's start) on the
 * item at position {@code item} (null: every item), as fractions of the picture.
 */
public record TrackedBoxRequest(Integer item, double atClipSeconds, RedactionRegion box) {

    public TrackedBoxRequest {
        if (!(atClipSeconds >= 0)) {
            throw new IllegalArgumentException("a tracked box's time must be seconds from the clip's start (0 or more), got "
                    + atClipSeconds);
        }
    }

    /** Parses {@code [ITEM:]t,x,y,w,h}, e.g. {@code 2:1.5,0.4,0.3,0.1,0.2}. */
    public static TrackedBoxRequest parse(String text) {
        String s = text.strip();
        Integer item = null;
        int colon = s.indexOf(':');
        try {
            if (colon >= 0) {
                item = Integer.parseInt(s.substring(0, colon).strip());
                s = s.substring(colon + 1);
            }
            int comma = s.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException("no comma");
            }
            double t = Double.parseDouble(s.substring(0, comma).strip());
            return new TrackedBoxRequest(item, t, RedactionRegion.parse(s.substring(comma + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tracked box \"" + text + "\" must be [ITEM:]t,x,y,w,h: t seconds from the "
                    + "clip's start, then the box as fractions of the picture (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return (item == null ? "" : item + ":") + String.format(Locale.ROOT, "%.3f,", atClipSeconds) + box;
    }
}
