package org.sightline.indexer.footage;

/** Where the time zone of a camera's clock came from. */
public enum ZoneSource {
    /** Set for the camera ({@code sightline camera set KEY --zone ZONE}). */
    CAMERA("camera setting"),
    /** No zone set for the camera: the workstation zone, set with {@code sightline config set time.zone ZONE}. */
    WORKSTATION("workstation setting"),
    /** No zone set for the camera nor for the workstation: the operating system's zone. */
    OPERATING_SYSTEM("operating system");

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

    /** {@code workstation zone, from the operating system}; empty for a camera's own zone. */
    public String qualifier() {
        return assumed() ? "workstation zone, from the " + words : "";
    }
}
