package dev.nerva.train.encoder;

import com.google.common.base.Preconditions;
import dev.nerva.internal.ner.ContextualCoder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Contextual codes for the contextual-codes experiment (see the model card): each token's vector from {@link MiniLmEncoder}
 * (its pieces' mean, the sentence read as a whole), turned into codes by a {@link Codebook}.
 * Thread-safe.
 */
public final class EncoderCoder implements ContextualCoder {

  private final MiniLmEncoder encoder;
  private final Codebook codebook;

  /**
   * @param encoder the encoder (shared; not closed here)
   * @param codebook the codebook the models were trained with
   */
  public EncoderCoder(MiniLmEncoder encoder, Codebook codebook) {
    this.encoder = Preconditions.checkNotNull(encoder, "encoder");
    this.codebook = Preconditions.checkNotNull(codebook, "codebook");
  }

  @Override
  public int[][] codes(String[] tokens) {
    float[][] vectors;
    try {
      vectors = encoder.tokenVectors(tokens, MiniLmEncoder.Pooling.MEAN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int[][] codes = new int[vectors.length][];
    for (int i = 0; i < vectors.length; i++) {
      codes[i] = codebook.encode(vectors[i]);
    }
    return codes;
  }
}
