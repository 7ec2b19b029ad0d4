package org.sightline.indexer.footage;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The text forms of a file's path. On Linux a file name is a string of bytes, and DVR exports and old NAS shares
 * hold names that are not valid UTF-8 (Latin-1 {@code caf\xE9}). A {@link Path} read from a folder keeps those
 * bytes, but its {@link Path#toString()} replaces them (with U+FFFD), and a path rebuilt from that text names
 * another, absent, file. So:
 * <ul>
 *   <li>{@link #stored} is the form to keep (catalog, case items, audit): the plain path text when it leads back to
 *       the same file (every UTF-8 name: stored exactly as before), otherwise a {@code file:} URI with the bytes
 *       percent-encoded ({@code file:///cam/caf%E9.mp4}); an absolute path never starts with {@code file:};</li>
 *   <li>{@link #fromStored} rebuilds the path, with its original bytes, from either form;</li>
 *   <li>{@link #shown} is the form to show people: the path as text, each byte that is not valid UTF-8 written
 *       {@code \xHH}, followed by {@value #NOT_UTF8_NOTE} when there is one.</li>
 * </ul>
 */
public final class PathText {
    /** Appended to a shown path that has bytes written as {@code \xHH}. */
    public static final String NOT_UTF8_NOTE = " (name not valid UTF-8; \\xHH is a byte)";
    private static final String URI_PREFIX = "file:";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private PathText() {
    }

    /** Whether the path's text leads back to the very same bytes (false for a name that is not valid UTF-8). */
    public static boolean isFaithful(Path path) {
        try {
            return path.getFileSystem().getPath(path.toString()).equals(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The reversible form to store for {@code path} (made absolute and normalised), see the class comment. */
    public static String stored(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (isFaithful(absolute)) {
            return absolute.toString();
        }
        String uri = absolute.toUri().toString();
        // toUri() adds a '/' after a folder's name; the stored form must not depend on what the path names now
        return uri.endsWith("/") && uri.length() > "file:///".length() ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** The path, with its original bytes, from a form {@link #stored} wrote (or any plain path text). */
    public static Path fromStored(String stored) {
        if (stored.startsWith(URI_PREFIX)) {
            return Path.of(URI.create(stored));
        }
        return Path.of(stored);
    }

    /** The path for people: as text, bytes that are not valid UTF-8 as {@code \xHH} and then {@link #NOT_UTF8_NOTE}. */
    public static String shown(Path path) {
        if (path == null) {
            return "null";
        }
        String escaped = escaped(path);
        return isFaithful(path) || !escaped.contains("\\x") ? escaped : escaped + NOT_UTF8_NOTE;
    }

    /**
     * The path a person typed in its shown form ({@code /cam/caf\xE9 cam 1.mp4}, with or without
     * {@link #NOT_UTF8_NOTE}), with its original bytes; the text unchanged as a path when it has no {@code \xHH}.
     * A shell argument cannot carry bytes that are not UTF-8 through Java, so this is how such a file is named on the
     * command line. Relative paths are taken from the working folder.
     */
    public static Path fromShown(String shown) {
        String text = shown.endsWith(NOT_UTF8_NOTE) ? shown.substring(0, shown.length() - NOT_UTF8_NOTE.length()) : shown;
        if (!text.contains("\\x") || Files.exists(Path.of(text), LinkOption.NOFOLLOW_LINKS)) {
            return Path.of(text);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                bytes.write('\\');
                i++;
            } else if (c == '\\' && i + 3 < text.length() && text.charAt(i + 1) == 'x' && HexFormat.isHexDigit(text.charAt(i + 2))
                    && HexFormat.isHexDigit(text.charAt(i + 3))) {
                bytes.write(HexFormat.fromHexDigits(text, i + 2, i + 4));
                i += 3;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        StringBuilder uri = new StringBuilder();
        for (byte b : bytes.toByteArray()) {
            int v = b & 0xff;
            if (v == '/' || Character.isLetterOrDigit(v) && v < 128 || "-._~".indexOf(v) >= 0) {
                uri.append((char) v);
            } else {
                uri.append('%').append(HEX.toHexDigits((byte) v));
            }
        }
        String absolute = uri.charAt(0) == '/' ? uri.toString() : Path.of("").toAbsolutePath().toUri().getRawPath() + uri;
        return Path.of(URI.create("file://" + absolute)).normalize();
    }

    /** The path as text with each byte that is not valid UTF-8 as {@code \xHH} (a '\' then as {@code \\}); no note. */
    public static String escaped(Path path) {
        if (isFaithful(path)) {
            return path.toString();
        }
        StringBuilder out = new StringBuilder(path.isAbsolute() ? "/" : "");
        for (int i = 0; i < path.getNameCount(); i++) {
            if (i > 0) {
                out.append('/');
            }
            Path name = path.getName(i);
            out.append(isFaithful(name) ? name.toString().replace("\\", "\\\\") : escapeBytes(bytesOf(name)));
        }
        return out.toString();
    }

    /** The raw bytes of one name (a path of one element), read from its {@code file:} URI. */
    private static byte[] bytesOf(Path name) {
        String raw = name.toAbsolutePath().toUri().getRawPath();
        if (raw.endsWith("/") && raw.length() > 1) {
            raw = raw.substring(0, raw.length() - 1);
        }
        raw = raw.substring(raw.lastIndexOf('/') + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    private static String escapeBytes(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length * 2 + 4);
        StringBuilder out = new StringBuilder();
        while (true) {
            CoderResult r = decoder.decode(in, chars, true);
            chars.flip();
            out.append(chars.toString().replace("\\", "\\\\"));
            chars.clear();
            if (r.isError()) {
                for (int k = 0; k < r.length(); k++) {
                    out.append("\\x").append(HEX.toHexDigits(in.get()));
                }
            } else if (r.isUnderflow()) {
                break;
            }
        }
        try {
            decoder.flush(chars);
        } catch (IllegalStateException e) {
            // nothing left to flush
        }
        return out.toString();
    }
}
