package dev.nerva.internal.pipeline;

import com.google.common.base.Preconditions;
import dev.nerva.Entity;
import dev.nerva.EntityRecognizer;
import dev.nerva.internal.ner.RuleSpans;
import java.util.function.BiPredicate;

/**
 * Merges the spans of a rule-based recognizer (country gazetteer, date rules) into the models'
 * spans, the models keeping priority (see {@link RuleSpans}).
 */
public final class RuleMergeStep implements PipelineStep {

  private final EntityRecognizer rules;
  private final BiPredicate<Entity, Entity> mayReplace;

  /**
   * @param rules the rule-based recognizer
   * @param mayReplace given a rule span and a model span inside it, whether the rule span replaces it
   */
  public RuleMergeStep(EntityRecognizer rules, BiPredicate<Entity, Entity> mayReplace) {
    this.rules = Preconditions.checkNotNull(rules, "rules");
    this.mayReplace = Preconditions.checkNotNull(mayReplace, "mayReplace");
  }

  @Override
  public String name() {
    return rules.name();
  }

  @Override
  public void apply(Analysis analysis) {
    analysis.spans(RuleSpans.merge(analysis.spans(),
        rules.recognize(analysis.text(), analysis.sentences()), mayReplace));
  }
}
