/**
 * Perception during indexing: objects found in sampled frames ({@link org.sightline.indexer.perception.FrameInspector},
 * stored per generation as {@link org.sightline.indexer.perception.FrameDetections}) and what the search side reads
 * back ({@link org.sightline.indexer.perception.LabelSpan}, {@link org.sightline.indexer.perception.ObjectQuery}),
 * through {@code IndexedFootage} in the application layer. Depends on the models and nothing of the storage.
 */
package org.sightline.indexer.perception;
