package org.sightline.models.runtime;

/** The prompt holds no word the model knows (for the demo colour model: no colour word). */
public class PromptNotUnderstoodException extends RuntimeException {
    public PromptNotUnderstoodException(String message) {
        super(message);
    }
}
