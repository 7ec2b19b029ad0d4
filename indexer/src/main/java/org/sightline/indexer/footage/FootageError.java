package org.sightline.indexer.footage;

/** The kinds of bad input a user can act on; each carries a sentence for the user. */
public enum FootageError {
    NOT_FOUND("file not found"),
    UNREADABLE("file cannot be read (permissions or I/O error)"),
    EMPTY_FILE("file is empty (0 bytes)"),
    NOT_VIDEO("not a video file FFmpeg recognises"),
    NO_VIDEO_STREAM("file has no video stream (audio only or data only)"),
    UNSUPPORTED_CODEC("video codec cannot be decoded by the bundled FFmpeg"),
    CORRUPT("video data is corrupt and no frame could be decoded"),
    TRUNCATED("file ends early; frames after the damage are missing"),
    DECODE_ERRORS("FFmpeg reported errors while decoding it; pictures near them may be damaged or missing"),
    CHANGED_WHILE_READ("file changed while Sightline read it; nothing of that read was kept, index it again once it is stable");

    private final String description;

    FootageError(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
