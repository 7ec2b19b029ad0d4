package org.sightline.models.pack.layout;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites an ONNX model file as exporters do with {@code save_as_external_data}: every initializer's raw bytes over 1 KB move
 * into one weights file beside the model ({@code location}, {@code offset}, {@code length} entries, data_location
 * EXTERNAL), and the model file keeps only the graph.
 */
final class ExternalWeights {
    /** Small tensors stay in the model, as with onnx's save_as_external_data(size_threshold=1024). */
    private static final int SIZE_THRESHOLD = 1024;

    private ExternalWeights() {
    }

    static void externalise(Path model, String dataFile) throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] rewritten = rewrite(bytes, 7, graph -> rewrite(graph, 5, tensor -> externalTensor(tensor, data, dataFile)));
        Files.write(model, rewritten);
        Files.write(model.resolveSibling(dataFile), data.toByteArray());
    }

    private interface Rewrite {
        byte[] apply(byte[] message) throws IOException;
    }

    /** Copies a message, passing every length-delimited field {@code field} through {@code rewrite}. */
    private static byte[] rewrite(byte[] message, int field, Rewrite rewrite) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(message);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(message.length);
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        while (true) {
            int start = in.getTotalBytesRead();
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            if (WireFormat.getTagFieldNumber(tag) == field && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                out.writeByteArray(field, rewrite.apply(in.readByteArray()));
            } else {
                in.skipField(tag);
                out.writeRawBytes(message, start, in.getTotalBytesRead() - start);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** A TensorProto without raw_data (9), with external_data (13) entries and data_location (14) EXTERNAL. */
    private static byte[] externalTensor(byte[] tensor, ByteArrayOutputStream data, String dataFile) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(tensor);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        byte[] raw = null;
        while (true) {
            int start = in.getTotalBytesRead();
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            if (WireFormat.getTagFieldNumber(tag) == 9 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                raw = in.readByteArray();
            } else {
                in.skipField(tag);
                out.writeRawBytes(tensor, start, in.getTotalBytesRead() - start);
            }
        }
        if (raw != null && raw.length <= SIZE_THRESHOLD) {
            out.writeByteArray(9, raw);
        } else if (raw != null) {
            int offset = data.size();
            data.write(raw);
            entry(out, "location", dataFile);
            entry(out, "offset", Integer.toString(offset));
            entry(out, "length", Integer.toString(raw.length));
            out.writeEnum(14, 1);
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static void entry(CodedOutputStream out, String key, String value) throws IOException {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        CodedOutputStream eo = CodedOutputStream.newInstance(e);
        eo.writeString(1, key);
        eo.writeString(2, value);
        eo.flush();
        out.writeByteArray(13, e.toByteArray());
    }
}
