/**
 * Footage: from files on disk to sampled frames. {@link org.sightline.indexer.footage.FootageScanner} finds video
 * files, {@link org.sightline.indexer.footage.VideoProbe} says what each is (or the specific
 * {@link org.sightline.indexer.footage.FootageError}), {@link org.sightline.indexer.footage.FrameSampler} decodes
 * one scaled down and hands frames to a {@link org.sightline.indexer.footage.FrameSink},
 * {@link org.sightline.indexer.footage.NearDuplicateFilter} drops frames static CCTV repeats,
 * {@link org.sightline.indexer.footage.FrameAt} decodes the single frame at a time,
 * {@link org.sightline.indexer.footage.SeekableVideo} plays one for the desktop viewer (seek, step) and
 * {@link org.sightline.indexer.footage.JpegEncoder} turns a frame into a thumbnail. Originals are only ever opened
 * read-only (FFmpeg's {@code file:} protocol for reading, Java input streams for the first bytes).
 */
package org.sightline.indexer.footage;
