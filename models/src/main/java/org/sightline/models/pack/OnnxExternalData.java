package org.sightline.models.pack;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The external weight files an ONNX model refers to ({@code .onnx_data} files of exports over 2 GB, or exported with
 * {@code save_as_external_data}): the {@code location} of every graph initializer stored outside the model file, read
 * from the serialised {@code ModelProto} (field numbers of {@code onnx.proto}). Locations are relative to the folder of
 * the model file.
 */
public final class OnnxExternalData {
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int TENSOR_EXTERNAL_DATA = 13;
    private static final int ENTRY_KEY = 1;
    private static final int ENTRY_VALUE = 2;

    private OnnxExternalData() {
    }

    /**
     * @throws IOException when the bytes are not an ONNX model
     */
    public static Set<String> locations(byte[] model) throws IOException {
        Set<String> locations = new TreeSet<>();
        CodedInputStream in = CodedInputStream.newInstance(model);
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = in.pushLimit(in.readRawVarint32());
                readGraph(in, locations);
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
        return locations;
    }

    private static void readGraph(CodedInputStream in, Set<String> locations) throws IOException {
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) == GRAPH_INITIALIZER && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = in.pushLimit(in.readRawVarint32());
                while (!in.isAtEnd()) {
                    int t = in.readTag();
                    if (WireFormat.getTagFieldNumber(t) == TENSOR_EXTERNAL_DATA && WireFormat.getTagWireType(t) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int entryLimit = in.pushLimit(in.readRawVarint32());
                        String key = null;
                        String value = null;
                        while (!in.isAtEnd()) {
                            int e = in.readTag();
                            int f = WireFormat.getTagFieldNumber(e);
                            if (f == ENTRY_KEY && WireFormat.getTagWireType(e) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                                key = in.readStringRequireUtf8();
                            } else if (f == ENTRY_VALUE && WireFormat.getTagWireType(e) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                                value = in.readStringRequireUtf8();
                            } else {
                                in.skipField(e);
                            }
                        }
                        in.popLimit(entryLimit);
                        if ("location".equals(key) && value != null) {
                            locations.add(value);
                        }
                    } else {
                        in.skipField(t);
                    }
                }
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
    }
}
