package org.sightline.indexer.index;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Documents whose absolute time (epoch milliseconds, a {@code LongField}'s doc values) falls inside a daily window
 * on the clock of one time zone, daylight saving included. Used inside the kNN filter, so only matching frames are
 * candidates; documents without a time never match.
 */
final class TimeOfDayQuery extends Query {
    private final String field;
    private final ZoneId zone;
    private final LocalTime from;
    private final LocalTime to;

    TimeOfDayQuery(String field, ZoneId zone, LocalTime from, LocalTime to) {
        this.field = Objects.requireNonNull(field);
        this.zone = Objects.requireNonNull(zone);
        this.from = Objects.requireNonNull(from);
        this.to = Objects.requireNonNull(to);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                SortedNumericDocValues values = DocValues.getSortedNumeric(context.reader(), field);
                TwoPhaseIterator matching = new TwoPhaseIterator(values) {
                    @Override
                    public boolean matches() throws IOException {
                        for (int i = 0; i < values.docValueCount(); i++) {
                            if (CameraZones.inWindow(Instant.ofEpochMilli(values.nextValue()), zone, from, to)) {
                                return true;
                            }
                        }
                        return false;
                    }

                    @Override
                    public float matchCost() {
                        return 20;
                    }
                };
                return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, matching));
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return DocValues.isCacheable(ctx, field);
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String defaultField) {
        return field + " in " + from + ".." + to + " " + zone;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeOfDayQuery q && q.field.equals(field) && q.zone.equals(zone) && q.from.equals(from) && q.to.equals(to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, zone, from, to);
    }
}
