package org.sightline.models.runtime;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.sightline.models.OfflineMode;

/**
 * Turns a prompt into exactly {@code contextLength} token ids with DJL's {@link HuggingFaceTokenizer}: start and
 * end tokens from the tokenizer's own post-processor, truncation that keeps the end token, and padding with the
 * pack's pad id (DJL itself would pad with 0). Thread-safe: encoding is serialised on the native tokenizer.
 */
public final class PromptTokenizer implements AutoCloseable {
    static {
        OfflineMode.enforce();
    }

    /** Token ids and attention mask of one prompt, both {@code contextLength} long. */
    public record Tokens(long[] ids, long[] attentionMask, int length) {
    }

    private final HuggingFaceTokenizer tokenizer;
    private final int contextLength;
    private final long padId;

    /** A tokenizer from the bytes of a {@code tokenizer.json}. */
    public PromptTokenizer(byte[] tokenizerJson, int contextLength, long padId) throws IOException {
        this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "false",
                "maxLength", Integer.toString(contextLength)));
        this.contextLength = contextLength;
        this.padId = padId;
    }

    public int contextLength() {
        return contextLength;
    }

    public Tokens tokenize(String prompt) {
        Encoding encoding;
        synchronized (tokenizer) {
            encoding = tokenizer.encode(prompt);
        }
        long[] raw = encoding.getIds();
        int n = Math.min(raw.length, contextLength);
        long[] ids = new long[contextLength];
        Arrays.fill(ids, padId);
        System.arraycopy(raw, 0, ids, 0, n);
        long[] mask = new long[contextLength];
        Arrays.fill(mask, 0, n, 1L);
        return new Tokens(ids, mask, n);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
