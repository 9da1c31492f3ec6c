package dev.nerva;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs {@link Nerva#processAll}: the calling thread reads inputs and delivers results, workers
 * process documents, and at most a window of documents is read ahead at any time.
 */
final class BatchRunner {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Nerva nerva;
  private final BatchOptions options;
  private final Consumer<BatchResult> sink;
  private final long started = System.nanoTime();
  private long lastReport = started;
  private long documents;
  private long failures;
  private long tokens;

  private BatchRunner(Nerva nerva, BatchOptions options, Consumer<BatchResult> sink) {
    this.nerva = nerva;
    this.options = options;
    this.sink = sink;
  }

  static BatchProgress run(Nerva nerva, Iterator<BatchInput> inputs, BatchOptions options,
      Consumer<BatchResult> sink) {
    return new BatchRunner(nerva, options, sink).run(inputs);
  }

  private BatchProgress run(Iterator<BatchInput> inputs) {
    ExecutorService own = options.executorOrNull() == null
        ? Executors.newFixedThreadPool(options.threadCount(), daemonThreads()) : null;
    Executor executor = own != null ? own : options.executorOrNull();
    Deque<FutureTask<BatchResult>> inFlight = new ArrayDeque<>();
    // Completed tasks, for delivery as they complete; in input order the deque alone is enough.
    BlockingQueue<FutureTask<BatchResult>> done = options.isOrdered() ? null : new LinkedBlockingQueue<>();
    long index = 0;
    try {
      while (true) {
        while (inFlight.size() < options.window() && inputs.hasNext()) {
          FutureTask<BatchResult> task = task(index++, inputs.next(), done);
          inFlight.add(task);
          executor.execute(task);
        }
        if (inFlight.isEmpty()) {
          break;
        }
        FutureTask<BatchResult> next;
        if (options.isOrdered()) {
          next = inFlight.removeFirst();
        } else {
          next = done.take();
          inFlight.remove(next);
        }
        deliver(next.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted: the batch stopped after " + documents + " documents");
    } catch (ExecutionException e) {
      // Only an Error escapes a task (exceptions become results): rethrow it as it was.
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      for (FutureTask<BatchResult> task : inFlight) {
        task.cancel(true);
      }
      if (own != null) {
        own.shutdownNow();
      }
    }
    BatchProgress last = progress();
    if (options.listenerOrNull() != null) {
      options.listenerOrNull().accept(last);
    }
    return last;
  }

  private FutureTask<BatchResult> task(long index, BatchInput input, BlockingQueue<FutureTask<BatchResult>> done) {
    if (input == null) {
      throw new NullPointerException("input " + index + " is null");
    }
    return new FutureTask<>(() -> process(index, input)) {
      @Override
      protected void done() {
        if (done != null) {
          done.add(this);
        }
      }
    };
  }

  private BatchResult process(long index, BatchInput input) {
    try {
      return new BatchResult(index, input, nerva.process(input.text(), input.documentDate()), null);
    } catch (RuntimeException e) {
      return new BatchResult(index, input, null, e);
    } catch (StackOverflowError e) {
      return new BatchResult(index, input, null, new IllegalStateException("stack overflow on this document", e));
    }
  }

  private void deliver(BatchResult result) {
    documents++;
    if (result.succeeded()) {
      for (Sentence sentence : result.document().sentences()) {
        tokens += sentence.tokens().size();
      }
    } else {
      failures++;
    }
    sink.accept(result);
    if (options.listenerOrNull() != null) {
      long now = System.nanoTime();
      if (now - lastReport >= options.interval().toNanos()) {
        lastReport = now;
        options.listenerOrNull().accept(progress());
      }
    }
  }

  private BatchProgress progress() {
    return new BatchProgress(documents, failures, tokens, Duration.ofNanos(System.nanoTime() - started));
  }

  private static ThreadFactory daemonThreads() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "nerva-batch-" + pool + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
