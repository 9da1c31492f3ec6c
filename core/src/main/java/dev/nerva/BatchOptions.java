package dev.nerva;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * How {@link Nerva#processAll} runs a batch: threads or an executor of yours, how many documents
 * may be in flight, in which order results come, and a progress listener. Immutable; each setter
 * returns a copy.
 *
 * <pre>{@code
 * BatchOptions options = BatchOptions.threads(4).ordered(false).progress(p -> log(p.tokensPerSecond()));
 * }</pre>
 */
public final class BatchOptions {

  private final int threads;
  private final Executor executor;
  private final int window;
  private final boolean ordered;
  private final Consumer<BatchProgress> progress;
  private final Duration progressInterval;

  private BatchOptions(int threads, Executor executor, int window, boolean ordered, Consumer<BatchProgress> progress,
      Duration progressInterval) {
    this.threads = threads;
    this.executor = executor;
    this.window = window;
    this.ordered = ordered;
    this.progress = progress;
    this.progressInterval = progressInterval;
  }

  /**
   * Runs on this many threads of a pool the batch makes and shuts down (daemon threads named
   * "nerva-batch-N"); a window of 64 documents per thread; results in input order; no progress.
   *
   * @param threads the number of worker threads, 1 or more
   * @return the options
   * @throws IllegalArgumentException if {@code threads} is less than 1
   */
  public static BatchOptions threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more: " + threads);
    }
    return new BatchOptions(threads, null, 64 * threads, true, null, Duration.ofSeconds(1));
  }

  /**
   * {@link #threads(int)} with one thread per available processor.
   *
   * @return the options
   */
  public static BatchOptions defaults() {
    return threads(Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs on an executor of yours, which the batch does not shut down; the window is 256
   * documents unless set.
   *
   * @param executor the executor that runs each document's processing
   * @return the options
   * @throws NullPointerException if {@code executor} is null
   */
  public static BatchOptions executor(Executor executor) {
    return new BatchOptions(0, Objects.requireNonNull(executor, "executor"), 256, true, null, Duration.ofSeconds(1));
  }

  /**
   * How many documents may be read ahead and in flight at once: what bounds the batch's memory.
   *
   * @param documents the window, 1 or more
   * @return a copy with that window
   * @throws IllegalArgumentException if {@code documents} is less than 1
   */
  public BatchOptions window(int documents) {
    if (documents < 1) {
      throw new IllegalArgumentException("window must be 1 or more: " + documents);
    }
    return new BatchOptions(threads, executor, documents, ordered, progress, progressInterval);
  }

  /**
   * Whether results come in input order (the default) or as soon as each is done; either way each
   * carries its input and index.
   *
   * @param inInputOrder true for input order
   * @return a copy with that order
   */
  public BatchOptions ordered(boolean inInputOrder) {
    return new BatchOptions(threads, executor, window, inInputOrder, progress, progressInterval);
  }

  /**
   * A listener told of the batch's progress at most once per interval (default one second) and
   * once at the end, on the thread that called {@code processAll}.
   *
   * @param listener the listener
   * @return a copy with that listener
   * @throws NullPointerException if {@code listener} is null
   */
  public BatchOptions progress(Consumer<BatchProgress> listener) {
    return new BatchOptions(threads, executor, window, ordered, Objects.requireNonNull(listener, "listener"),
        progressInterval);
  }

  /**
   * How often the progress listener hears at most.
   *
   * @param interval the interval; zero for after every document
   * @return a copy with that interval
   * @throws IllegalArgumentException if {@code interval} is negative
   */
  public BatchOptions progressInterval(Duration interval) {
    if (Objects.requireNonNull(interval, "interval").isNegative()) {
      throw new IllegalArgumentException("negative interval " + interval);
    }
    return new BatchOptions(threads, executor, window, ordered, progress, interval);
  }

  int threadCount() {
    return threads;
  }

  Executor executorOrNull() {
    return executor;
  }

  int window() {
    return window;
  }

  boolean isOrdered() {
    return ordered;
  }

  Consumer<BatchProgress> listenerOrNull() {
    return progress;
  }

  Duration interval() {
    return progressInterval;
  }
}
