package org.sightline.indexer.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;

/**
 * The default codec with 8-bit scalar-quantized HNSW for vector fields. It keeps the default codec's name: the
 * per-field vector format is recorded per field, so the index reads back with the stock codec.
 */
final class QuantizedVectorCodec extends FilterCodec {
    private final KnnVectorsFormat quantized = new Lucene104HnswScalarQuantizedVectorsFormat();
    private final KnnVectorsFormat perField = new PerFieldKnnVectorsFormat() {
        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return quantized;
        }
    };

    QuantizedVectorCodec() {
        this(Codec.getDefault());
    }

    private QuantizedVectorCodec(Codec delegate) {
        super(delegate.getName(), delegate);
    }

    @Override
    public KnnVectorsFormat knnVectorsFormat() {
        return perField;
    }
}
