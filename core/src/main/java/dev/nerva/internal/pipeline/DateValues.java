package dev.nerva.internal.pipeline;

import com.google.common.base.Preconditions;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Sentence;
import dev.nerva.internal.date.DateNormalizer;
import dev.nerva.internal.date.Tense;
import dev.nerva.internal.date.TenseDetector;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Gives DATE spans their TIMEX3 value. Relative dates resolve against the document date; without
 * one, in narrative mode, against the last full date earlier in the text, pointing forward.
 */
public final class DateValues implements PipelineStep {

  private final DateNormalizer normalizer;
  private final Supplier<TenseDetector> tenseDetector;
  private final boolean narrativeDates;

  /**
   * @param normalizer the normaliser
   * @param tenseDetector the tense detector, asked for only when a relative date needs it
   * @param narrativeDates whether dates without a document date resolve against earlier dates
   */
  public DateValues(DateNormalizer normalizer, Supplier<TenseDetector> tenseDetector, boolean narrativeDates) {
    this.normalizer = Preconditions.checkNotNull(normalizer, "normalizer");
    this.tenseDetector = Preconditions.checkNotNull(tenseDetector, "tenseDetector");
    this.narrativeDates = narrativeDates;
  }

  @Override
  public String name() {
    return "date-values";
  }

  @Override
  public void apply(Analysis analysis) {
    List<Entity> spans = analysis.spans();
    List<Sentence> sentences = analysis.sentences();
    LocalDate documentDate = analysis.documentDate();
    LocalDate anchor = documentDate;
    int sentence = 0;
    for (int i = 0; i < spans.size(); i++) {
      Entity entity = spans.get(i);
      if (!entity.type().equals(EntityType.DATE) || entity.normalized() != null) {
        continue;
      }
      while (sentence + 1 < sentences.size() && sentences.get(sentence).end() <= entity.start()) {
        sentence++;
      }
      Sentence home = sentences.get(sentence);
      // A story told in the past moves forward from its last full date: there, tense says nothing.
      boolean fromNarrative = anchor != null && documentDate == null;
      Optional<String> value = normalizer.normalize(entity.text(),
          fromNarrative ? () -> Tense.FUTURE : () -> tenseDetector.get().tenseAt(home, entity.start(), entity.end()),
          anchor);
      Entity dated = entity.withType(EntityType.DATE, value.orElse(null));
      spans.set(i, dated);
      if (narrativeDates && documentDate == null && dated.date().isPresent()) {
        anchor = dated.date().get();
      }
    }
  }
}
