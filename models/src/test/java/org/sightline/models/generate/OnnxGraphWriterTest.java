package org.sightline.models.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.models.generate.OnnxGraph.Attribute;
import org.sightline.models.generate.OnnxGraph.ElementType;
import org.sightline.models.pack.OnnxSignature;

/** Models written by the graph writer load in ONNX Runtime, compute what their nodes say, and read back. */
class OnnxGraphWriterTest {

    static OnnxGraph graph() {
        OnnxGraph g = new OnnxGraph("every-attribute-kind");
        g.input("x", ElementType.FLOAT, "batch", 4);
        g.initializer("w", new float[] {1, 2, 3, 4, -1, 0, 1, 0}, 2, 4);
        g.initializer("b", new float[] {0.5f, -0.5f}, 2);
        g.initializer("pads", new long[] {0, 1, 0, 0}, 4);
        g.node("Gemm", List.of("x", "w", "b"), List.of("g"), Attribute.of("alpha", 2.0f), Attribute.of("transB", 1L));
        g.node("Constant", List.of(), List.of("c"), Attribute.floats("value_floats", 1f, -1f));
        g.node("Mul", List.of("g", "c"), List.of("m"));
        g.node("Pad", List.of("m", "pads"), List.of("p"), Attribute.of("mode", "constant"));
        g.node("Transpose", List.of("p"), List.of("out"), Attribute.ints("perm", 0, 1));
        g.output("out", ElementType.FLOAT, "batch", 3);
        return g;
    }

    @Test
    void writtenModelRunsInOnnxRuntime() throws Exception {
        org.sightline.models.OfflineMode.enforce();
        byte[] model = new OnnxGraphWriter("test", "1", Map.of("", 13L)).toBytes(graph());
        // Through DJL's OnnxRuntime engine, as the product runs models (a second ORT environment could not coexist).
        try (Model m = Model.newInstance("writer-test", "OnnxRuntime")) {
            m.load(new ByteArrayInputStream(model), Map.of());
            float[] flat;
            try (NDManager manager = m.getNDManager().newSubManager();
                 Predictor<NDList, NDList> predictor = m.newPredictor(new NoopTranslator())) {
                NDArray x = manager.create(new float[] {1, 1, 1, 1, 0, 1, 0, 2}, new Shape(2, 4));
                flat = predictor.predict(new NDList(x)).getFirst().toFloatArray();
            }
            float[][] out = {java.util.Arrays.copyOfRange(flat, 0, 3), java.util.Arrays.copyOfRange(flat, 3, 6)};
            // row 1: w.x = (10, 0) -> 2*(10,0) + b = (20.5, -0.5) -> * (1,-1) = (20.5, 0.5) -> pad one 0 in front
            assertArrayEquals(new float[] {0, 20.5f, 0.5f}, out[0], 1e-5f);
            // row 2: w.x = (2+8, 0) = (10, 0) -> (20.5, -0.5) -> (20.5, 0.5)
            assertArrayEquals(new float[] {0, 20.5f, 0.5f}, out[1], 1e-5f);
        }
    }

    @Test
    void signatureReadsBackNamesTypesAndShapes() throws Exception {
        OnnxSignature sig = OnnxSignature.read(new OnnxGraphWriter("test", "1", Map.of("", 13L)).toBytes(graph()));
        assertEquals(OnnxGraphWriter.IR_VERSION, sig.irVersion());
        assertEquals(1, sig.inputs().size());
        assertEquals(new OnnxSignature.Tensor("x", 1, List.of("batch", 4L)), sig.inputs().getFirst());
        assertEquals(new OnnxSignature.Tensor("out", 1, List.of("batch", 3L)), sig.outputs().getFirst());
    }

    @Test
    void outputIsDeterministic() throws Exception {
        OnnxGraphWriter w = new OnnxGraphWriter("test", "1", Map.of("", 13L));
        assertArrayEquals(w.toBytes(graph()), w.toBytes(graph()));
    }
}
