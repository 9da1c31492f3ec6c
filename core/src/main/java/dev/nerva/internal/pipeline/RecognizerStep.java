package dev.nerva.internal.pipeline;

import com.google.common.collect.ImmutableList;
import dev.nerva.EntityRecognizer;
import java.util.List;

/** Runs the pipeline's recognizers and collects their spans, overlaps and all. */
public final class RecognizerStep implements PipelineStep {

  private final ImmutableList<EntityRecognizer> recognizers;

  /** A step running {@code recognizers} in order. */
  public RecognizerStep(List<EntityRecognizer> recognizers) {
    this.recognizers = ImmutableList.copyOf(recognizers);
  }

  @Override
  public String name() {
    return "recognizers";
  }

  @Override
  public void apply(Analysis analysis) {
    for (EntityRecognizer recognizer : recognizers) {
      analysis.spans().addAll(recognizer.recognize(analysis.text(), analysis.sentences()));
    }
  }
}
