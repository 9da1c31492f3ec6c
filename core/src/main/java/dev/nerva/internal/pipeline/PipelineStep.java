package dev.nerva.internal.pipeline;

/**
 * One named step of a pipeline: reads and rewrites a document's spans. Steps are immutable and
 * called from many threads at once; per-document state lives in the {@link Analysis}.
 */
public interface PipelineStep {

  /** A short name for the step, as listed by {@code Nerva.steps()}. */
  String name();

  /** Runs the step over one document. */
  void apply(Analysis analysis);
}
