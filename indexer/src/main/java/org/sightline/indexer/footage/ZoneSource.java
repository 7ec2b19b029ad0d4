package org.sightline.indexer.footage;

/** Where the time zone of a camera's clock came from. */
public enum ZoneSource {
    /** Set for the camera ({@code sightline camera set KEY --zone ZONE}). */
    CAMERA("camera setting"),
    /** No zone set for the camera: the workstation zone, set with {@code sightline config set time.zone ZONE}. */
    WORKSTATION("workstation setting"),
    /** No zone set for the camera nor for the workstation: the operating system's zone. */
    OPERATING_SYSTEM("operating system"),
    /**
     * Another workstation's footage in a team archive, of a camera this workstation sets no zone for: the zone that
     * workstation recorded with the frames when it indexed them.
     */
    INDEXING_WORKSTATION("indexing workstation's record");

    private final String words;

    ZoneSource(String words) {
        this.words = words;
    }

    /** {@code camera setting}, {@code workstation setting} or {@code operating system}. */
    public String words() {
        return words;
    }

    /** True when the camera has no zone of its own and the workstation zone stands in for it. */
    public boolean assumed() {
        return this != CAMERA;
    }

    /**
     * {@code workstation zone, from the operating system}, or that another workstation recorded the zone; empty for a
     * camera's own zone.
     */
    public String qualifier() {
        return switch (this) {
            case CAMERA -> "";
            case INDEXING_WORKSTATION -> "the camera's zone as the indexing workstation recorded it";
            case WORKSTATION, OPERATING_SYSTEM -> "workstation zone, from the " + words;
        };
    }
}
