package dev.nerva;

import java.util.Objects;

/**
 * The outcome of one {@link BatchInput}: its document, or the exception that processing it threw
 * (a text over the pipeline's length limit, a failure in a recognizer of yours). A failed input
 * never stops the batch. Immutable.
 *
 * @param index the input's position in the batch, from 0
 * @param input the input
 * @param document the analysed document, or null if processing failed
 * @param error what processing threw, or null if it succeeded
 */
public record BatchResult(long index, BatchInput input, Document document, RuntimeException error) {

  /**
   * Checks that exactly one of {@code document} and {@code error} is given.
   *
   * @param index the input's position, from 0
   * @param input the input
   * @param document the document, or null
   * @param error the failure, or null
   * @throws IllegalArgumentException if both or neither are given, or the index is negative
   */
  public BatchResult {
    Objects.requireNonNull(input, "input");
    if ((document == null) == (error == null)) {
      throw new IllegalArgumentException("a result has a document or an error, not both or neither");
    }
    if (index < 0) {
      throw new IllegalArgumentException("negative index " + index);
    }
  }

  /**
   * The input's id.
   *
   * @return {@code input().id()}
   */
  public String id() {
    return input.id();
  }

  /**
   * Whether the input was processed.
   *
   * @return true if there is a document, false if there is an error
   */
  public boolean succeeded() {
    return document != null;
  }
}
