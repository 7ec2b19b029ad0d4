package org.sightline.desktop.viewer;

/**
 * One hit of the open file, marked on the viewer's timeline: its span and its best frame.
 */
public record HitMark(double startSeconds, double endSeconds, double bestOffsetSeconds) {
}
