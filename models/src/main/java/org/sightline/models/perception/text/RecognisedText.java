package org.sightline.models.perception.text;

/**
 * A line of text read in a frame.
 *
 * @param text       what it says
 * @param box        where it is
 * @param confidence the recogniser's mean probability over the characters it kept (0..1)
 */
public record RecognisedText(String text, TextBox box, float confidence) {
}
