package org.sightline.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The status bar names the store: the embedded index's size, or the team archive the vectors are kept in. */
class StatusBarViewModelTest {
    @Test
    void namesTheTeamArchiveInsteadOfALocalIndexSize() {
        StatusBarViewModel bar = new StatusBarViewModel();
        bar.showIndex(2, 30, 7200, 2_500_000);
        assertEquals("index: 2 videos · 30 segments · 2.5 MB", bar.indexSizeProperty().get());
        bar.showTeamArchive(2, 30, 7200, "SolrCloud collection sightline at ZooKeeper 10.0.0.5:2181");
        assertEquals("index: 2 videos · 30 segments · SolrCloud collection sightline at ZooKeeper 10.0.0.5:2181",
                bar.indexSizeProperty().get());
        assertEquals("footage: 2.0 h", bar.footageProperty().get());
    }
}
