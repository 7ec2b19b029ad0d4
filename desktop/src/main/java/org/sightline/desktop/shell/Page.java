package org.sightline.desktop.shell;

import org.sightline.desktop.icons.Icon;

/** The workstation's pages, in navigation order. */
public enum Page {
    SEARCH("Search", Icon.SEARCH),
    LIBRARY("Library", Icon.LIBRARY),
    CASES("Cases", Icon.CASES),
    MODELS("Models", Icon.MODELS);

    private final String title;
    private final Icon icon;

    Page(String title, Icon icon) {
        this.title = title;
        this.icon = icon;
    }

    public String title() {
        return title;
    }

    public Icon icon() {
        return icon;
    }
}
