package org.sightline.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseItem;
import org.sightline.indexer.footage.PathText;

/** The JSON the {@code case} and {@code audit} commands print with {@code --json}. */
final class CaseJson {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CaseJson() {
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
        m.put("video", PathText.shown(i.video()));
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
