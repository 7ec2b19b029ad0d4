package org.sightline.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sightline.indexer.DataDirectory;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.audit.ConnectionSource;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseItem;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.export.EvidenceExporter;
import org.sightline.indexer.export.KnownPaths;

/**
 * The case and audit services of a data directory, for the command line (the desktop gets them from the
 * Workspace), and their JSON output.
 */
record CaseWiring(DataDirectory data, ConnectionSource db, AuditLog audit, CaseService cases) {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static CaseWiring open(DataOption own, DataOption parent) {
        DataOption chosen = own != null && own.data != null ? own : parent != null ? parent : own;
        DataDirectory data = chosen == null ? DataDirectory.resolve(null) : chosen.directory();
        try {
            data.create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + data.root() + ": " + e.getMessage(), e);
        }
        ConnectionSource db = ConnectionSource.sqlite(data.catalogFile());
        AuditLog audit = new AuditLog(db);
        return new CaseWiring(data, db, audit, new CaseService(db, audit));
    }

    /** The exporter; moved sources are looked for among the paths case items recorded. */
    EvidenceExporter exporter() {
        KnownPaths recorded = cases::recordedPathsFor;
        return new EvidenceExporter(cases, audit, recorded);
    }

    static Map<String, Object> json(Case c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("reference", c.reference());
        m.put("examiner", c.examiner());
        m.put("description", c.description());
        m.put("status", c.status().name().toLowerCase());
        m.put("created", c.created().toString());
        m.put("updated", c.updated().toString());
        return m;
    }

    static Map<String, Object> json(CaseItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", i.position());
        m.put("id", i.id());
        m.put("video", i.video().toString());
        m.put("sha256", i.videoSha256());
        m.put("camera", i.camera());
        m.put("inSeconds", i.inSeconds());
        m.put("outSeconds", i.outSeconds());
        m.put("hitSeconds", i.hitSeconds());
        m.put("note", i.note());
        m.put("tags", i.tags());
        m.put("foundBy", i.foundBy());
        m.put("thumbnail", i.thumbnail() == null ? null : i.thumbnail().toString());
        m.put("added", i.added().toString());
        return m;
    }

    static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
