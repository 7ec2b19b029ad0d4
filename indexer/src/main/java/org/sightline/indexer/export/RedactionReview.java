package org.sightline.indexer.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.VideoOpener;

/**
 * The review step of a redaction: for an item, its plan as JSON ({@code itemNN.plan.json}) and a contact sheet
 * ({@code itemNN.sheet.jpg}) of {@link #STILLS} frames across the span with every box drawn (red: detector, green:
 * tracked, yellow: the user's fixed boxes), so a person can check what will be hidden before the copy is disclosed.
 */
public final class RedactionReview {
    /** Frames on a contact sheet. */
    public static final int STILLS = 8;
    private static final int COLUMNS = 2;
    private static final int TILE_WIDTH = 480;

    /** What the review wrote for one item. */
    public record Written(int item, Path plan, Path sheet, int spans, int boxes, List<String> notes) {
    }

    /** Writes {@code plan}'s JSON and its contact sheet (drawn on frames of {@code source}) into {@code dir}. */
    public Written write(RedactionPlan plan, Path source, Path dir) throws ExportException {
        Path planFile = dir.resolve(RedactionPlan.fileName(plan.item()));
        Path sheet = dir.resolve(String.format(Locale.ROOT, "item%02d.sheet.jpg", plan.item()));
        try {
            Files.createDirectories(dir);
            plan.write(planFile);
        } catch (IOException e) {
            throw new ExportException(ExportException.Reason.IO_FAILED, planFile, "cannot write the redaction plan "
                    + planFile + ": " + e.getMessage(), e);
        }
        writeSheet(plan, source, sheet);
        return new Written(plan.item(), planFile, sheet, plan.spans().size(), plan.boxCount(), plan.notes());
    }

    private static void writeSheet(RedactionPlan plan, Path source, Path sheet) throws ExportException {
        List<RedactionPlan.Span> spans = plan.spans();
        List<Double> wanted = new ArrayList<>();
        for (int i = 0; i < STILLS && !spans.isEmpty(); i++) {
            RedactionPlan.Span s = spans.get((int) ((long) i * (spans.size() - 1) / Math.max(1, STILLS - 1)));
            double t = (s.from() + s.to()) / 2;
            if (wanted.isEmpty() || wanted.getLast() < t) {
                wanted.add(t);
            }
        }
        List<BufferedImage> tiles = new ArrayList<>();
        try (FFmpegFrameGrabber g = VideoOpener.openForReading(source, avutil.AV_PIX_FMT_BGR24);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            g.setTimestamp(Math.round(plan.inSeconds() * 1e6));
            Frame f;
            int next = 0;
            while (next < wanted.size() && (f = g.grabImage()) != null) {
                double t = g.getTimestamp() / 1e6;
                if (t + 1e-6 < wanted.get(next) - (spans.getFirst().to() - spans.getFirst().from()) / 2) {
                    continue;
                }
                tiles.add(tile(converter.convert(f), plan.boxesAt(t), t - plan.inSeconds()));
                next++;
            }
        } catch (FootageException | FrameGrabber.Exception e) {
            throw new ExportException(ExportException.Reason.ENCODE_FAILED, source, "cannot draw the contact sheet of item "
                    + plan.item() + " from " + source.getFileName() + ": " + e.getMessage(), e);
        }
        if (tiles.isEmpty()) {
            throw new ExportException(ExportException.Reason.SPAN_OUTSIDE_FILE, source, "no frames of " + source.getFileName()
                    + " decode in the span of item " + plan.item());
        }
        int th = tiles.getFirst().getHeight();
        int rows = (tiles.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage out = new BufferedImage(TILE_WIDTH * COLUMNS, th * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        for (int i = 0; i < tiles.size(); i++) {
            g.drawImage(tiles.get(i), (i % COLUMNS) * TILE_WIDTH, (i / COLUMNS) * th, null);
        }
        g.dispose();
        try {
            if (!ImageIO.write(out, "jpg", sheet.toFile())) {
                throw new IOException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new ExportException(ExportException.Reason.IO_FAILED, sheet, "cannot write the contact sheet " + sheet
                    + ": " + e.getMessage(), e);
        }
    }

    /** One frame scaled to the tile width, its boxes drawn and its clip time written in the corner. */
    private static BufferedImage tile(BufferedImage frame, List<PlannedBox> boxes, double clipSeconds) {
        int h = Math.max(1, (int) Math.round((double) frame.getHeight() * TILE_WIDTH / frame.getWidth()));
        BufferedImage t = new BufferedImage(TILE_WIDTH, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = t.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(frame, 0, 0, TILE_WIDTH, h, null);
        g.setStroke(new BasicStroke(2f));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        for (PlannedBox b : boxes) {
            g.setColor(switch (b.source()) {
                case DETECTOR -> Color.RED;
                case TRACKED -> Color.GREEN;
                case MANUAL -> Color.YELLOW;
            });
            int x = (int) Math.round(b.x() * TILE_WIDTH);
            int y = (int) Math.round(b.y() * h);
            g.drawRect(x, y, (int) Math.round(b.width() * TILE_WIDTH), (int) Math.round(b.height() * h));
            g.drawString(b.label(), x + 3, Math.max(12, y - 3));
        }
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 150, 18);
        g.setColor(Color.WHITE);
        g.drawString(String.format(Locale.ROOT, "clip %.2f s, %d box(es)", clipSeconds, boxes.size()), 4, 13);
        g.dispose();
        return t;
    }
}
