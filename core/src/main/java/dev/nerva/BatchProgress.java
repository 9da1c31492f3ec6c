package dev.nerva;

import java.time.Duration;

/**
 * How far a batch has got, as {@link Nerva#processAll} reports it to a {@link BatchOptions#progress
 * progress listener} and returns it at the end. Immutable.
 *
 * @param documents inputs delivered so far, failed ones included
 * @param failures inputs that failed
 * @param tokens tokens of the documents delivered so far
 * @param elapsed time since the batch started
 */
public record BatchProgress(long documents, long failures, long tokens, Duration elapsed) {

  /**
   * The throughput so far.
   *
   * @return tokens per second of wall time, 0 before any time has passed
   */
  public double tokensPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : tokens / seconds;
  }
}
