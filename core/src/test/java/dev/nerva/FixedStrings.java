package dev.nerva;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds fixed strings that start and end on token boundaries, wherever they occur, with one
 * confidence (0.9 unless given); stands in for a model.
 */
record FixedStrings(Map<String, EntityType> names, double confidence) implements EntityRecognizer {

  FixedStrings(Map<String, EntityType> names) {
    this(names, 0.9);
  }

  @Override
  public String name() {
    return "fixed";
  }

  @Override
  public Set<EntityType> types() {
    return Set.copyOf(names.values());
  }

  @Override
  public List<Entity> recognize(String text, List<Sentence> sentences) {
    List<Entity> out = new ArrayList<>();
    for (Sentence sentence : sentences) {
      for (Token first : sentence.tokens()) {
        for (Token last : sentence.tokens()) {
          if (last.end() < first.start()) {
            continue;
          }
          EntityType type = names.get(text.substring(first.start(), last.end()));
          if (type != null) {
            out.add(new Entity(type, first.start(), last.end(), text.substring(first.start(), last.end()),
                confidence, name()));
          }
        }
      }
    }
    return out;
  }
}
