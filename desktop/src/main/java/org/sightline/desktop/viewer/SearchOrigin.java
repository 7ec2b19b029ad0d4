package org.sightline.desktop.viewer;

/**
 * The search that found a clip, kept with it so that a moment added to a case from the viewer still says what
 * found it.
 *
 * @param query     the prompt, or the description of the example picture
 * @param byExample true when the search was "find similar" on a picture
 * @param score     the clip's score in that search
 * @param modelId   the model that scored it
 */
public record SearchOrigin(String query, boolean byExample, Float score, String modelId) {
}
