package org.sightline.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sightline.indexer.DataDirectory;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseItem;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.export.EvidenceExporter;
import org.sightline.indexer.export.EvidenceServices;

/**
 * The case and audit services of a data directory on the catalog's connections, for the command line (the desktop
 * gets them from the Workspace), and their JSON output.
 */
record CaseWiring(DataDirectory data, Catalog catalog, EvidenceServices services) implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static CaseWiring open(DataOption own, DataOption parent) {
        DataDirectory data = DataOption.choose(own, parent);
        try {
            data.create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + data.root() + ": " + e.getMessage(), e);
        }
        Catalog catalog = Catalog.open(data.catalogFile());
        try {
            return new CaseWiring(data, catalog, EvidenceServices.on(catalog));
        } catch (RuntimeException e) {
            catalog.close();
            throw e;
        }
    }

    AuditLog audit() {
        return services.audit();
    }

    CaseService cases() {
        return services.cases();
    }

    EvidenceExporter exporter() {
        return services.exporter();
    }

    @Override
    public void close() {
        catalog.close();
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
