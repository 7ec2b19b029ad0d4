package org.sightline.indexer.footage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A region of the picture as fractions of its width and height, so that the same region fits every resolution of a
 * camera: a rectangle ({@code x,y} the top-left corner, {@code width,height} the size, each between 0 and 1) or a
 * polygon (its corners in order; {@code x,y,width,height} are then its bounding box). A door frame seen at an angle,
 * a stretch of pavement or a gate are polygons more often than rectangles.
 *
 * @param polygon the corners, in order (3 or more), or empty for the rectangle itself
 */
public record FrameRegion(double x, double y, double width, double height, List<Point> polygon) {
    public static final FrameRegion WHOLE = new FrameRegion(0, 0, 1, 1);

    /** A corner of a polygon, as fractions of the picture's width and height. */
    public record Point(double x, double y) {
        public Point {
            if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the point %s,%s is not inside the picture: "
                        + "give each corner as fractions of the width and height (0 to 1)", x, y));
            }
        }
    }

    public FrameRegion {
        if (!(x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1 + 1e-9 && y + height <= 1 + 1e-9)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the region %s,%s,%s,%s is not inside the picture: "
                    + "give x,y,w,h as fractions of the width and height (0 to 1), e.g. 0.25,0.1,0.2,0.3", x, y, width, height));
        }
        polygon = polygon == null ? List.of() : List.copyOf(polygon);
        if (!polygon.isEmpty() && polygon.size() < 3) {
            throw new IllegalArgumentException("a polygon needs at least three corners");
        }
    }

    /** A rectangle. */
    public FrameRegion(double x, double y, double width, double height) {
        this(x, y, width, height, List.of());
    }

    /** A polygon through {@code corners} (3 or more, in order); refused in plain words when it has no area. */
    public static FrameRegion polygon(List<Point> corners) {
        if (corners.size() < 3) {
            throw new IllegalArgumentException("a polygon needs at least three corners, got " + corners.size());
        }
        double minX = 1;
        double minY = 1;
        double maxX = 0;
        double maxY = 0;
        double area2 = 0;
        for (int i = 0; i < corners.size(); i++) {
            Point p = corners.get(i);
            Point q = corners.get((i + 1) % corners.size());
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
            area2 += p.x() * q.y() - q.x() * p.y();
        }
        if (Math.abs(area2) < 1e-9) {
            throw new IllegalArgumentException("the polygon " + describe(corners) + " has no area (its corners lie on one line)");
        }
        return new FrameRegion(minX, minY, maxX - minX, maxY - minY, corners);
    }

    /**
     * Parses {@code x,y,w,h} (a rectangle: four numbers) or {@code x1,y1,x2,y2,x3,y3[,...]} (a polygon: three or more
     * corners, six or more numbers), every number a fraction of the picture.
     */
    public static FrameRegion parse(String text) {
        String[] parts = text.strip().split("\\s*,\\s*");
        double[] v = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                v[i] = Double.parseDouble(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the region \"" + text + "\" must be x,y,w,h (a rectangle) or x1,y1,x2,y2,x3,y3,… "
                    + "(a polygon), as numbers between 0 and 1", e);
        }
        if (v.length == 4) {
            return new FrameRegion(v[0], v[1], v[2], v[3]);
        }
        if (v.length >= 6 && v.length % 2 == 0) {
            List<Point> corners = new ArrayList<>();
            for (int i = 0; i < v.length; i += 2) {
                corners.add(new Point(v[i], v[i + 1]));
            }
            return polygon(corners);
        }
        throw new IllegalArgumentException("the region \"" + text + "\" must be x,y,w,h (four fractions of the picture: a "
                + "rectangle) or x1,y1,x2,y2,x3,y3,… (three or more corners: a polygon)");
    }

    /** Whether the point (fractions of the picture) lies inside. */
    public boolean contains(double px, double py) {
        if (!(px >= x && px < x + width && py >= y && py < y + height)) {
            return false;
        }
        if (polygon.isEmpty()) {
            return true;
        }
        // even-odd rule: a ray to the right crosses the polygon's edges an odd number of times from inside
        boolean inside = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            Point a = polygon.get(i);
            Point b = polygon.get(j);
            if ((a.y() > py) != (b.y() > py) && px < (b.x() - a.x()) * (py - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }

    private static String describe(List<Point> corners) {
        StringBuilder s = new StringBuilder();
        for (Point p : corners) {
            s.append(s.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.3f,%.3f", p.x(), p.y()));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return polygon.isEmpty() ? String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", x, y, width, height)
                : "polygon " + describe(polygon);
    }
}
