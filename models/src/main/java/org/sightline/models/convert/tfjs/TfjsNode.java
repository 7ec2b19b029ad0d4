package org.sightline.models.convert.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * One node of a TensorFlow.js graph model's {@code modelTopology.node} list: name, operator, inputs (control
 * dependencies, written {@code ^name}, left out) and its attributes as TensorFlow's {@code AttrValue} JSON.
 */
public record TfjsNode(String name, String op, List<String> inputs, JsonNode attrs) {

    public TfjsNode {
        Objects.requireNonNull(name);
        Objects.requireNonNull(op);
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(attrs);
    }

    static TfjsNode of(JsonNode json) {
        String name = json.path("name").asText(null);
        String op = json.path("op").asText(null);
        if (name == null || op == null) {
            throw new TfjsConversionException("a graph node has no name or op: " + json);
        }
        List<String> inputs = new ArrayList<>();
        for (JsonNode in : json.path("input")) {
            if (!in.asText().startsWith("^")) {
                inputs.add(in.asText());
            }
        }
        return new TfjsNode(name, op, inputs, json.path("attr"));
    }

    public boolean has(String attr) {
        return attrs.has(attr);
    }

    /** A string attribute ({@code s}, base64 in the JSON). */
    public String string(String attr, String fallback) {
        JsonNode v = attrs.path(attr).path("s");
        return v.isMissingNode() ? fallback : decode(v.asText());
    }

    public boolean bool(String attr, boolean fallback) {
        JsonNode v = attrs.path(attr).path("b");
        return v.isMissingNode() ? fallback : v.asBoolean();
    }

    public long integer(String attr, long fallback) {
        JsonNode v = attrs.path(attr).path("i");
        return v.isMissingNode() ? fallback : Long.parseLong(v.asText());
    }

    public float real(String attr, float fallback) {
        JsonNode v = attrs.path(attr).path("f");
        return v.isMissingNode() ? fallback : (float) v.asDouble();
    }

    /** An integer list attribute ({@code list.i}); empty when absent. */
    public long[] integers(String attr) {
        JsonNode list = attrs.path(attr).path("list").path("i");
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Long.parseLong(list.get(i).asText());
        }
        return out;
    }

    /** A string list attribute ({@code list.s}); empty when absent. */
    public List<String> strings(String attr) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : attrs.path(attr).path("list").path("s")) {
            out.add(decode(s.asText()));
        }
        return out;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return op + " node " + name;
    }
}
