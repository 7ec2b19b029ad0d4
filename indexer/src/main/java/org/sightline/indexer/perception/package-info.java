/**
 * Perception during indexing: objects found in sampled frames ({@link org.sightline.indexer.perception.FrameInspector},
 * which frames by {@link org.sightline.indexer.perception.ExaminationCadence}, looking closer at small moving things with
 * {@link org.sightline.indexer.perception.LookCloser}, as an {@link org.sightline.indexer.perception.Examination} says;
 * stored per generation as {@link org.sightline.indexer.perception.FrameDetections}) and what the search side reads
 * back ({@link org.sightline.indexer.perception.LabelSpan}, {@link org.sightline.indexer.perception.ObjectQuery}),
 * through {@code IndexedFootage} in the application layer. Depends on the models, the footage package's motion measures
 * ({@code GreyThumbnail}, {@code FreshMotion}) and nothing of the storage.
 */
package org.sightline.indexer.perception;
