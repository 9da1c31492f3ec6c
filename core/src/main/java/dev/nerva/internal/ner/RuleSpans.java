package dev.nerva.internal.ner;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSet;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Merges the spans of a rule-based recognizer (date rules, the country gazetteer) into those of a
 * statistical model, giving the model priority: a rule span is taken where it overlaps no model
 * span of any type (the labels a pipeline does not report included), and it replaces model spans
 * inside it that the caller allows ("July" becomes "July 2024", "Burkina" becomes "Burkina
 * Faso"); any other overlap keeps the model's span. Among overlapping rule spans the longest, then
 * the earliest, wins. Stateless.
 */
public final class RuleSpans {

  private RuleSpans() {}

  /**
   * @param modelSpans spans of the statistical recognizers; may overlap each other
   * @param ruleSpans spans of one rule-based recognizer
   * @param extendable types of model spans a longer rule span may replace
   * @return the model spans that stand, followed by the rule spans taken
   */
  public static List<Entity> merge(List<Entity> modelSpans, List<Entity> ruleSpans, Set<EntityType> extendable) {
    ImmutableSet<EntityType> replaceable = ImmutableSet.copyOf(extendable);
    return merge(modelSpans, ruleSpans,
        (rule, model) -> model.length() < rule.length() && replaceable.contains(model.type()));
  }

  /**
   * {@link #merge(List, List, Set)} with a finer choice of which model spans a rule span that
   * contains them may replace.
   *
   * @param mayReplace given a rule span and a model span inside it (or the same), whether the rule
   *     span replaces it
   */
  public static List<Entity> merge(List<Entity> modelSpans, List<Entity> ruleSpans,
      BiPredicate<Entity, Entity> mayReplace) {
    Preconditions.checkNotNull(mayReplace, "mayReplace");
    // Model spans by start; they may overlap each other, so look back by the longest one's length.
    TreeMap<Integer, List<Entity>> modelByStart = new TreeMap<>();
    int longest = 0;
    for (Entity model : modelSpans) {
      modelByStart.computeIfAbsent(model.start(), k -> new ArrayList<>()).add(model);
      longest = Math.max(longest, model.length());
    }
    List<Entity> rules = new ArrayList<>(ruleSpans);
    rules.sort((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.start() - b.start());
    TreeMap<Integer, Entity> taken = new TreeMap<>();
    Set<Entity> replaced = new HashSet<>();
    for (Entity rule : rules) {
      Map.Entry<Integer, Entity> before = taken.floorEntry(rule.start());
      Map.Entry<Integer, Entity> after = taken.ceilingEntry(rule.start());
      if (before != null && before.getValue().overlaps(rule) || after != null && after.getValue().overlaps(rule)) {
        continue;
      }
      boolean blocked = false;
      List<Entity> contained = new ArrayList<>();
      for (List<Entity> group : modelByStart.subMap(rule.start() - longest, true, rule.end(), false).values()) {
        for (Entity model : group) {
          if (!model.overlaps(rule)) {
            continue;
          }
          boolean inside = model.start() >= rule.start() && model.end() <= rule.end();
          if (inside && mayReplace.test(rule, model)) {
            contained.add(model);
          } else {
            blocked = true;
          }
        }
      }
      if (!blocked) {
        taken.put(rule.start(), rule);
        replaced.addAll(contained);
      }
    }
    List<Entity> merged = new ArrayList<>(modelSpans.size() + taken.size());
    for (Entity model : modelSpans) {
      if (!replaced.contains(model)) {
        merged.add(model);
      }
    }
    merged.addAll(taken.values());
    return merged;
  }
}
