package dev.nerva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** processAll: order, equality with one thread, failures, bounded read-ahead, progress, interrupts. */
class BatchProcessingTest {

  private static final Nerva NERVA = Nerva.builder().recognizer(new FixedStrings(Map.of(
      "Mali", EntityType.LOCATION, "Putin", EntityType.PERSON, "Wagner", EntityType.ORGANIZATION))).build();

  private static List<BatchInput> corpus(int size) {
    String[] sentences = {"Putin met Wagner in Mali on Tuesday.", "Wagner left Mali in July 2024.",
        "Nothing here.", "", "Mali, Mali and Putin. Then Wagner on 5 June 2024 and last year."};
    return IntStream.range(0, size).mapToObj(i -> new BatchInput("doc-" + i,
        sentences[i % sentences.length].repeat(1 + i % 7), i % 3 == 0 ? null : LocalDate.of(2024, 9, 4))).toList();
  }

  @Test
  void fourThreadsGiveTheSingleThreadedResultsInInputOrder() {
    List<BatchInput> inputs = corpus(400);
    List<BatchResult> results = new ArrayList<>();

    BatchProgress done = NERVA.processAll(inputs, BatchOptions.threads(4).window(16), results::add);

    assertThat(results).extracting(BatchResult::index).containsExactlyElementsOf(
        IntStream.range(0, 400).mapToObj(i -> (long) i).toList());
    for (BatchResult result : results) {
      BatchInput input = inputs.get((int) result.index());
      assertThat(result.input()).isSameAs(input);
      assertThat(result.document()).isEqualTo(NERVA.process(input.text(), input.documentDate()));
    }
    assertThat(done.documents()).isEqualTo(400);
    assertThat(done.failures()).isZero();
    assertThat(done.tokens()).isEqualTo(results.stream()
        .mapToLong(r -> r.document().tokens().size()).sum());
  }

  @Test
  void unorderedDeliveryGivesEveryResultOnceWithItsId() {
    List<BatchInput> inputs = corpus(300);
    List<BatchResult> results = new ArrayList<>();

    NERVA.processAll(inputs, BatchOptions.threads(3).ordered(false), results::add);

    assertThat(results).extracting(BatchResult::id).containsExactlyInAnyOrderElementsOf(
        inputs.stream().map(BatchInput::id).toList());
  }

  @Test
  void onePoisonedDocumentFailsAloneAndTheOthersArrive() {
    Nerva small = NERVA.toBuilder().maxTextLength(1000).build();
    List<BatchInput> inputs = new ArrayList<>(corpus(50));
    inputs.set(17, BatchInput.of("poisoned", "x".repeat(1001)));
    List<BatchResult> results = new ArrayList<>();

    BatchProgress done = small.processAll(inputs, BatchOptions.threads(2), results::add);

    assertThat(results).hasSize(50);
    assertThat(results.get(17).succeeded()).isFalse();
    assertThat(results.get(17).id()).isEqualTo("poisoned");
    assertThat(results.get(17).error()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1001 characters");
    assertThat(results).filteredOn(BatchResult::succeeded).hasSize(49);
    assertThat(done.failures()).isEqualTo(1);
  }

  @Test
  void readsAtMostAWindowAhead() {
    AtomicInteger read = new AtomicInteger();
    AtomicInteger maxAhead = new AtomicInteger();
    AtomicInteger delivered = new AtomicInteger();
    Iterator<BatchInput> source = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return read.get() < 1000;
      }

      @Override
      public BatchInput next() {
        maxAhead.accumulateAndGet(read.incrementAndGet() - delivered.get(), Math::max);
        return BatchInput.of(null, "Putin met Wagner in Mali.");
      }
    };

    NERVA.processAll(source, BatchOptions.threads(2).window(8), r -> delivered.incrementAndGet());

    assertThat(delivered.get()).isEqualTo(1000);
    assertThat(maxAhead.get()).isLessThanOrEqualTo(8);
  }

  @Test
  void progressIsReportedOnTheCallingThreadAndAtTheEnd() {
    List<BatchProgress> reports = new ArrayList<>();
    Thread caller = Thread.currentThread();
    AtomicReference<Thread> reporter = new AtomicReference<>();

    NERVA.processAll(corpus(40), BatchOptions.threads(2).progressInterval(Duration.ZERO).progress(p -> {
      reporter.set(Thread.currentThread());
      reports.add(p);
    }), r -> { });

    assertThat(reporter.get()).isSameAs(caller);
    assertThat(reports).hasSizeGreaterThanOrEqualTo(40);
    assertThat(reports.get(reports.size() - 1).documents()).isEqualTo(40);
    assertThat(reports).extracting(BatchProgress::documents).isSorted();
  }

  @Test
  void runsOnAnExecutorOfYoursWithoutShuttingItDown() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      List<BatchResult> results = new ArrayList<>();
      NERVA.processAll(corpus(30), BatchOptions.executor(executor), results::add);
      assertThat(results).hasSize(30);
      assertThat(executor.isShutdown()).isFalse();
    } finally {
      executor.shutdown();
      assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void anInterruptStopsTheBatchAndLeavesNoWorkerThreads() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Iterator<BatchInput> endless = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public BatchInput next() {
        return BatchInput.of(null, "Putin met Wagner in Mali. ".repeat(50));
      }
    };
    Thread batch = new Thread(() -> {
      try {
        NERVA.processAll(endless, BatchOptions.threads(2), r -> started.countDown());
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    batch.start();
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    batch.interrupt();
    batch.join(30_000);

    assertThat(batch.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (workerThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(workerThreads()).isZero();
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> BatchOptions.threads(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BatchOptions.threads(1).window(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BatchInput("x", null, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> NERVA.processAll(List.of(BatchInput.of("a", "b")), BatchOptions.threads(1), null))
        .isInstanceOf(NullPointerException.class);
    List<BatchInput> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> NERVA.processAll(withNull, BatchOptions.threads(1), r -> { }))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("input 0");
  }

  private static long workerThreads() {
    Set<Thread> threads = Thread.getAllStackTraces().keySet();
    return threads.stream().filter(t -> t.getName().startsWith("nerva-batch-") && t.isAlive()).count();
  }
}
