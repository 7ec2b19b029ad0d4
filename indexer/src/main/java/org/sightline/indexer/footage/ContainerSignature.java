package org.sightline.indexer.footage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the first bytes of a file say it is ("magic numbers"). Cheap, needs no FFmpeg, and decides most files
 * whose extension says nothing (raw DVR exports named {@code .264}, {@code .dav}, {@code .bin}...).
 *
 * @param kind  video container or stream, known non-video format, or unknown
 * @param label short name of the format found ("ISO BMFF (mp4/mov)", "PDF"...), or "unknown"
 */
public record ContainerSignature(Kind kind, String label) {

    /** How many bytes {@link #of(byte[])} wants to see. */
    public static final int HEAD_BYTES = 1024;

    public enum Kind { VIDEO, NOT_VIDEO, UNKNOWN }

    private static final ContainerSignature UNKNOWN = new ContainerSignature(Kind.UNKNOWN, "unknown");

    /** Reads the head of a file and classifies it. */
    public static ContainerSignature of(Path file) throws IOException {
        return of(readHead(file));
    }

    static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    /** Classifies the first bytes of a file (up to {@link #HEAD_BYTES}). */
    public static ContainerSignature of(byte[] head) {
        if (head.length >= 12) {
            String box = ascii(head, 4, 4);
            if (box.equals("ftyp") || box.equals("moov") || box.equals("mdat") || box.equals("wide")
                    || box.equals("free") || box.equals("skip") || box.equals("pnot")) {
                return video("ISO BMFF / QuickTime (mp4, mov)");
            }
            if (ascii(head, 0, 4).equals("RIFF")) {
                String type = ascii(head, 8, 4);
                return type.equals("AVI ") || type.equals("AVIX") ? video("AVI (RIFF)")
                        : new ContainerSignature(Kind.NOT_VIDEO, "RIFF " + type.strip());
            }
        }
        if (startsWith(head, 0x1A, 0x45, 0xDF, 0xA3)) {
            return video("Matroska / WebM");
        }
        if (startsWith(head, 0x00, 0x00, 0x01, 0xBA)) {
            return video("MPEG program stream");
        }
        if (startsWith(head, 0x00, 0x00, 0x01, 0xB3)) {
            return video("MPEG-1/2 video elementary stream");
        }
        if (isTransportStream(head, 0, 188) || isTransportStream(head, 4, 192)) {
            return video("MPEG transport stream");
        }
        if (isAnnexB(head)) {
            return video("H.264/H.265 elementary stream");
        }
        if (startsWithAscii(head, "DHAV")) {
            return video("Dahua DAV");
        }
        if (startsWithAscii(head, "IMKH")) {
            return video("Hikvision (IMKH + MPEG-PS)");
        }
        if (startsWithAscii(head, "FLV")) {
            return video("FLV");
        }
        if (startsWith(head, 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11)) {
            return video("ASF / WMV");
        }
        if (startsWithAscii(head, "YUV4MPEG2")) {
            return video("YUV4MPEG2");
        }
        if (startsWithAscii(head, "DKIF")) {
            return video("IVF (VP8/VP9/AV1)");
        }
        return notVideoOrUnknown(head);
    }

    private static ContainerSignature notVideoOrUnknown(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return notVideo("JPEG image");
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return notVideo("PNG image");
        }
        if (startsWithAscii(head, "GIF8")) {
            return notVideo("GIF image");
        }
        if (startsWithAscii(head, "%PDF")) {
            return notVideo("PDF document");
        }
        if (startsWith(head, 'P', 'K', 0x03, 0x04)) {
            return notVideo("ZIP archive (or office document)");
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            return notVideo("gzip archive");
        }
        if (startsWith(head, '7', 'z', 0xBC, 0xAF)) {
            return notVideo("7z archive");
        }
        if (startsWithAscii(head, "ID3") || startsWithAscii(head, "fLaC")) {
            return notVideo("audio file");
        }
        if (startsWithAscii(head, "SQLite format 3")) {
            return notVideo("SQLite database");
        }
        if (looksLikeText(head)) {
            return notVideo("text");
        }
        return UNKNOWN;
    }

    private static boolean isTransportStream(byte[] head, int first, int packet) {
        if (head.length < first + 2 * packet + 1) {
            return false;
        }
        return head[first] == 0x47 && head[first + packet] == 0x47 && head[first + 2 * packet] == 0x47;
    }

    /** An H.264/H.265 Annex B stream starts with a start code and a parameter set, SEI or access unit delimiter. */
    private static boolean isAnnexB(byte[] head) {
        int at;
        if (startsWith(head, 0, 0, 0, 1)) {
            at = 4;
        } else if (startsWith(head, 0, 0, 1)) {
            at = 3;
        } else {
            return false;
        }
        if (head.length <= at) {
            return false;
        }
        int b = head[at] & 0xFF;
        int h264 = b & 0x1F;
        boolean h264Start = (b & 0x80) == 0 && (h264 == 7 || h264 == 6 || h264 == 9 || h264 == 5);
        int h265 = (b >> 1) & 0x3F;
        boolean h265Start = (b & 0x80) == 0 && (h265 == 32 || h265 == 33 || h265 == 34 || h265 == 35 || h265 == 39);
        return h264Start || h265Start;
    }

    /** Text (plain, CSV, XML, logs): no NUL and no control bytes other than tab, CR, LF, form feed. */
    private static boolean looksLikeText(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        for (byte value : head) {
            int c = value & 0xFF;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithAscii(byte[] head, String magic) {
        return head.length >= magic.length()
                && Arrays.equals(head, 0, magic.length(), magic.getBytes(StandardCharsets.US_ASCII), 0, magic.length());
    }

    private static String ascii(byte[] head, int from, int length) {
        return new String(head, from, length, StandardCharsets.ISO_8859_1);
    }

    private static ContainerSignature video(String label) {
        return new ContainerSignature(Kind.VIDEO, label);
    }

    private static ContainerSignature notVideo(String label) {
        return new ContainerSignature(Kind.NOT_VIDEO, label);
    }
}
