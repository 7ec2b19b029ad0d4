package org.sightline.indexer.footage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Finds the video files among the files and folders a user names.
 *
 * <p>How a file is judged:
 * <ol>
 *   <li>hidden files and folders (name starting with '.') are skipped, unless named directly;</li>
 *   <li>a known video extension (mp4, mov, mkv, avi, h264, dav...) makes a candidate, even when the file is
 *       empty or damaged: probing it then gives the specific error for the catalog ({@code .ts}, also used for
 *       TypeScript, is decided by content);</li>
 *   <li>a known non-video extension (txt, jpg, pdf, mp3, srt...) is skipped;</li>
 *   <li>anything else (raw DVR exports: {@code .bin}, {@code .sec}, no extension) is decided by its first bytes
 *       ({@link ContainerSignature}), and when those say nothing, by asking FFmpeg whether it finds a video stream.</li>
 * </ol>
 * Symbolic links are followed, but every folder and file is visited once by its real path, so link loops end.
 * Folders that cannot be listed are reported, not thrown. Order is stable: inputs as given, folder entries by name.
 */
public final class FootageScanner {

    /** Why an entry is not a candidate. */
    public enum SkipReason {
        /** missing, or a dangling symbolic link */
        NOT_FOUND,
        /** name starts with '.' */
        HIDDEN,
        /** by extension or content; the detail says which */
        NOT_VIDEO,
        UNREADABLE_FOLDER,
        UNREADABLE_FILE,
        /** a subfolder of a folder scanned without recursion */
        SUBFOLDER_NOT_SCANNED,
        /** the same file (by real path) was already listed, e.g. through a link */
        ALREADY_LISTED,
        /** a folder reached again through a symbolic link (a loop, or a second way into a scanned folder) */
        LINK_LOOP,
        /** device, pipe or socket */
        NOT_REGULAR
    }

    /** One entry that was looked at and left out, with the reason in words. */
    public record Skipped(Path path, SkipReason reason, String detail) {
    }

    /** Candidates to probe and index, in stable order, and the entries left out. */
    public record Result(List<Path> videos, List<Skipped> skipped) {
        public Result {
            videos = List.copyOf(videos);
            skipped = List.copyOf(skipped);
        }
    }

    static final Set<String> VIDEO_EXTENSIONS = Set.of(
            "mp4", "m4v", "mov", "qt", "mkv", "mk3d", "webm", "avi", "divx", "mpg", "mpeg", "mpe", "m1v", "m2v",
            "m2p", "vob", "ts", "m2ts", "mts", "m2t", "trp", "tsv", "ogv", "ogm", "wmv", "asf", "flv", "f4v", "3gp",
            "3g2", "mxf", "dv", "dif", "y4m", "nut", "rm", "rmvb", "mjpeg", "mjpg", "h264", "264", "h265", "265",
            "hevc", "avc", "dav", "ivf", "obu", "lrv");

    static final Set<String> NOT_VIDEO_EXTENSIONS = Set.of(
            "txt", "md", "log", "csv", "json", "xml", "html", "htm", "pdf", "doc", "docx", "odt", "xls",
            "xlsx", "ods", "ppt", "pptx", "rtf", "ini", "cfg", "conf", "nfo", "sha256", "sha1", "md5", "sfv", "sig",
            "asc", "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "heic", "svg", "ico", "thm", "mp3",
            "wav", "m4a", "aac", "flac", "opus", "wma", "oga", "zip", "7z", "rar", "gz", "tgz", "bz2", "xz", "tar",
            "exe", "dll", "so", "msi", "db", "sqlite", "lnk", "url", "srt", "vtt", "ass", "ssa", "sub", "idx",
            "lrc", "xmp", "tmp", "bak", "part");

    /** Video extensions other files use too (".ts" is also TypeScript): decided by content. */
    static final Set<String> AMBIGUOUS_EXTENSIONS = Set.of("ts");

    private final Predicate<Path> ffmpegSeesVideo;

    public FootageScanner() {
        this(FootageScanner::ffmpegFindsVideoStream);
    }

    /** @param ffmpegSeesVideo last resort for files neither extension nor first bytes decide */
    FootageScanner(Predicate<Path> ffmpegSeesVideo) {
        this.ffmpegSeesVideo = ffmpegSeesVideo;
    }

    /**
     * Scans files and folders.
     *
     * @param recursive descend into subfolders; without it a folder contributes its direct files only
     */
    public Result scan(List<Path> paths, boolean recursive) {
        Walk walk = new Walk(recursive);
        for (Path given : paths) {
            Path path = given.toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                walk.missing(path);
            } else if (Files.isDirectory(path)) {
                walk.folder(path);
            } else {
                walk.file(path);
            }
        }
        return new Result(walk.videos, walk.skipped);
    }

    /** Extension in lower case without the dot, or "" when there is none. */
    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Asks FFmpeg (demuxer only, limited probing) whether the file holds a video stream. */
    static boolean ffmpegFindsVideoStream(Path file) {
        FfmpegMessages.install();
        try (VideoOpener.FfmpegName name = VideoOpener.ffmpegName(file)) {
            FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(name.name());
            grabber.setOption("probesize", Integer.toString(4 << 20));
            grabber.setOption("analyzeduration", Integer.toString(5_000_000));
            try {
                grabber.start(false);
                return grabber.hasVideo() && grabber.getImageWidth() > 0;
            } catch (Exception | LinkageError e) {
                return false;
            } finally {
                VideoOpener.closeQuietly(grabber);
            }
        } catch (FootageException e) {
            return false;
        }
    }

    private final class Walk {
        final boolean recursive;
        final List<Path> videos = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();
        final Set<Path> visitedFolders = new HashSet<>();
        final Map<Path, Path> listedFiles = new HashMap<>();

        Walk(boolean recursive) {
            this.recursive = recursive;
        }

        void skip(Path path, SkipReason reason, String detail) {
            skipped.add(new Skipped(path, reason, detail));
        }

        /** Says why a path that was named or listed cannot be reached: absent, a dangling link, or not permitted. */
        void missing(Path path) {
            try {
                Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
                skip(path, SkipReason.UNREADABLE_FILE, "cannot be read");
            } catch (AccessDeniedException e) {
                skip(path, SkipReason.UNREADABLE_FILE, "permission denied: a folder on its path cannot be searched "
                        + "(it lacks the execute permission for this user)");
            } catch (IOException e) {
                boolean link = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
                skip(path, SkipReason.NOT_FOUND, link ? "dangling symbolic link (its target does not exist)" : "no such file or folder"
                        + (path.toString().indexOf('\uFFFD') >= 0 ? "; a name that is not valid UTF-8 cannot be passed "
                        + "through the command line as it is: type each such byte as \\xHH, as Sightline shows it "
                        + "(e.g. caf\\xE9), or name its folder" : ""));
            }
        }

        void folder(Path folder) {
            Path real;
            try {
                real = folder.toRealPath();
            } catch (IOException e) {
                skip(folder, SkipReason.UNREADABLE_FOLDER, e.toString());
                return;
            }
            if (!visitedFolders.add(real)) {
                skip(folder, SkipReason.LINK_LOOP, "folder already scanned as " + PathText.shown(real));
                return;
            }
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
                stream.forEach(entries::add);
            } catch (AccessDeniedException e) {
                skip(folder, SkipReason.UNREADABLE_FOLDER, "permission denied");
                return;
            } catch (IOException | SecurityException e) {
                skip(folder, SkipReason.UNREADABLE_FOLDER, e.toString());
                return;
            }
            entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
            for (Path entry : entries) {
                if (isHidden(entry)) {
                    skip(entry, SkipReason.HIDDEN, "hidden (its name starts with '.'); name it directly to index it");
                } else if (Files.isDirectory(entry)) {
                    if (recursive) {
                        folder(entry);
                    } else {
                        skip(entry, SkipReason.SUBFOLDER_NOT_SCANNED, "subfolder (scan recursively to include it)");
                    }
                } else if (!Files.exists(entry)) {
                    missing(entry);
                } else {
                    file(entry);
                }
            }
        }

        void file(Path file) {
            if (!Files.isRegularFile(file)) {
                skip(file, SkipReason.NOT_REGULAR, "not a regular file (device, pipe or socket)");
                return;
            }
            Path real;
            try {
                real = file.toRealPath();
            } catch (IOException e) {
                skip(file, SkipReason.UNREADABLE_FILE, e.toString());
                return;
            }
            Path earlier = listedFiles.putIfAbsent(real, file);
            if (earlier != null) {
                skip(file, SkipReason.ALREADY_LISTED, "same file as " + PathText.shown(earlier));
                return;
            }
            String extension = extension(file);
            if (VIDEO_EXTENSIONS.contains(extension) && !AMBIGUOUS_EXTENSIONS.contains(extension)) {
                videos.add(file); // probing checks the content (a picture renamed .mp4 is refused there, by name)
                return;
            }
            if (NOT_VIDEO_EXTENSIONS.contains(extension)) {
                skip(file, SkipReason.NOT_VIDEO, "not a video (." + extension + " file)");
                return;
            }
            byContent(file, extension);
        }

        private void byContent(Path file, String extension) {
            ContainerSignature signature;
            try {
                if (Files.size(file) == 0) {
                    skip(file, SkipReason.NOT_VIDEO, "empty file with " + describe(extension));
                    return;
                }
                signature = ContainerSignature.of(file);
            } catch (IOException e) {
                skip(file, SkipReason.UNREADABLE_FILE, "cannot read its first bytes to tell whether it is video: " + e);
                return;
            }
            switch (signature.kind()) {
                case VIDEO -> videos.add(file);
                case NOT_VIDEO -> skip(file, SkipReason.NOT_VIDEO, "content is " + signature.label());
                case UNKNOWN -> {
                    if (ffmpegSeesVideo.test(file)) {
                        videos.add(file);
                    } else {
                        skip(file, SkipReason.NOT_VIDEO, describe(extension) + "; FFmpeg finds no video stream in it");
                    }
                }
            }
        }

        private String describe(String extension) {
            return extension.isEmpty() ? "no extension" : "unknown extension ." + extension;
        }
    }
}
