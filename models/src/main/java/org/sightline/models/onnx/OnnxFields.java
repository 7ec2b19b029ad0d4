package org.sightline.models.onnx;

/**
 * The field numbers of ONNX's {@code onnx.proto} that Sightline writes ({@code OnnxGraphWriter}) and reads
 * ({@code OnnxSignature}, on third-party model files) with protobuf-java's coded streams: the one table of them.
 * One nested class per protobuf message, named as in {@code onnx.proto}; constants are the field names in upper case.
 * Only the fields used are listed.
 */
public final class OnnxFields {
    private OnnxFields() {
    }

    /** {@code ModelProto}: the top-level message of an {@code .onnx} file. */
    public static final class ModelProto {
        public static final int IR_VERSION = 1;
        public static final int PRODUCER_NAME = 2;
        public static final int PRODUCER_VERSION = 3;
        public static final int GRAPH = 7;
        public static final int OPSET_IMPORT = 8;

        private ModelProto() {
        }
    }

    /** {@code OperatorSetIdProto}. */
    public static final class OperatorSetIdProto {
        public static final int DOMAIN = 1;
        public static final int VERSION = 2;

        private OperatorSetIdProto() {
        }
    }

    /** {@code GraphProto}. */
    public static final class GraphProto {
        public static final int NODE = 1;
        public static final int NAME = 2;
        public static final int INITIALIZER = 5;
        public static final int INPUT = 11;
        public static final int OUTPUT = 12;

        private GraphProto() {
        }
    }

    /** {@code NodeProto}. */
    public static final class NodeProto {
        public static final int INPUT = 1;
        public static final int OUTPUT = 2;
        public static final int NAME = 3;
        public static final int OP_TYPE = 4;
        public static final int ATTRIBUTE = 5;
        public static final int DOMAIN = 7;

        private NodeProto() {
        }
    }

    /** {@code AttributeProto}. */
    public static final class AttributeProto {
        public static final int NAME = 1;
        public static final int F = 2;
        public static final int I = 3;
        public static final int S = 4;
        public static final int FLOATS = 7;
        public static final int INTS = 8;
        public static final int TYPE = 20;

        private AttributeProto() {
        }
    }

    /** {@code TensorProto}. */
    public static final class TensorProto {
        public static final int DIMS = 1;
        public static final int DATA_TYPE = 2;
        public static final int NAME = 8;
        public static final int RAW_DATA = 9;

        private TensorProto() {
        }
    }

    /** {@code ValueInfoProto}. */
    public static final class ValueInfoProto {
        public static final int NAME = 1;
        public static final int TYPE = 2;

        private ValueInfoProto() {
        }
    }

    /** {@code TypeProto}. */
    public static final class TypeProto {
        public static final int TENSOR_TYPE = 1;

        private TypeProto() {
        }
    }

    /** {@code TypeProto.Tensor}. */
    public static final class TypeProtoTensor {
        public static final int ELEM_TYPE = 1;
        public static final int SHAPE = 2;

        private TypeProtoTensor() {
        }
    }

    /** {@code TensorShapeProto}. */
    public static final class TensorShapeProto {
        public static final int DIM = 1;

        private TensorShapeProto() {
        }
    }

    /** {@code TensorShapeProto.Dimension}. */
    public static final class Dimension {
        public static final int DIM_VALUE = 1;
        public static final int DIM_PARAM = 2;

        private Dimension() {
        }
    }
}
