package dev.nerva.internal.pipeline;

import com.google.common.base.Ascii;
import com.google.common.collect.ImmutableSet;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.internal.tokenize.Spaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts what is not part of a name from the spans: a courtesy title before a person's name always,
 * a trailing possessive and a leading "the" where the pipeline is configured to.
 */
public final class NameCleanup implements PipelineStep {

  private static final ImmutableSet<EntityType> NAMES =
      ImmutableSet.of(EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.COUNTRY);

  private static final ImmutableSet<String> HONORIFICS = ImmutableSet.of(
      "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "dr", "dr.", "prof", "prof.");

  private final boolean stripPossessives;
  private final boolean stripLeadingThe;
  private final ImmutableSet<String> untouched;

  /**
   * @param stripPossessives whether "Russia’s" becomes "Russia"
   * @param stripLeadingThe whether "the United Nations" becomes "United Nations"
   * @param untouched recognizers whose spans are left as they are (dictionaries)
   */
  public NameCleanup(boolean stripPossessives, boolean stripLeadingThe, Set<String> untouched) {
    this.stripPossessives = stripPossessives;
    this.stripLeadingThe = stripLeadingThe;
    this.untouched = ImmutableSet.copyOf(untouched);
  }

  @Override
  public String name() {
    return "name-cleanup";
  }

  @Override
  public void apply(Analysis analysis) {
    List<Entity> cleaned = new ArrayList<>(analysis.spans().size());
    for (Entity entity : analysis.spans()) {
      if (untouched.contains(entity.recognizer())) {
        cleaned.add(entity);
        continue;
      }
      Entity name = withoutHonorific(stripPossessives ? withoutPossessive(entity) : entity);
      cleaned.add(stripLeadingThe ? withoutLeadingThe(name, analysis.text()) : name);
    }
    analysis.spans(cleaned);
  }

  /**
   * "the United Nations" becomes "United Nations": the article is not part of the name. A "The"
   * written with a capital inside a sentence ("in The Hague", "said The New York Times") is part
   * of the name, and stays: OntoNotes keeps it there in 136 of 154 names.
   */
  static Entity withoutLeadingThe(Entity entity, String documentText) {
    String text = entity.text();
    if (!NAMES.contains(entity.type()) || text.length() < 5 || !text.regionMatches(true, 0, "the", 0, 3)
        || !Spaces.isSpace(text.charAt(3))
        || text.startsWith("The") && insideSentence(documentText, entity.start())) {
      return entity;
    }
    int skip = 3;
    while (skip < text.length() && Spaces.isSpace(text.charAt(skip))) {
      skip++;
    }
    return fromOffset(entity, skip);
  }

  /**
   * Whether a comma or a word in lower case comes before {@code offset}: then a capital there is
   * not a sentence's, nor a title-case headline's.
   */
  private static boolean insideSentence(String text, int offset) {
    int end = offset - 1;
    while (end >= 0 && Spaces.isSpace(text.charAt(end))) {
      end--;
    }
    if (end < 0 || text.charAt(end) == ',') {
      return end >= 0;
    }
    int start = end;
    while (start > 0 && !Spaces.isSpace(text.charAt(start - 1))) {
      start--;
    }
    return Character.isLowerCase(text.charAt(start));
  }

  /**
   * "Mr Putin" becomes "Putin": a courtesy title is not part of a name in OntoNotes (or CoNLL, or
   * ACE). The model learned that from "Mr." and leaves it out, but British "Mr", which OntoNotes
   * hardly has, sometimes gets in.
   */
  static Entity withoutHonorific(Entity entity) {
    String text = entity.text();
    if (!entity.type().equals(EntityType.PERSON)) {
      return entity;
    }
    int space = 0;
    while (space < text.length() && !Spaces.isSpace(text.charAt(space))) {
      space++;
    }
    if (space == text.length() || !HONORIFICS.contains(Ascii.toLowerCase(text.substring(0, space)))) {
      return entity;
    }
    int skip = space;
    while (Spaces.isSpace(text.charAt(skip))) {
      skip++; // the span ends on a token, so a non-space follows
    }
    return fromOffset(entity, skip);
  }

  /**
   * "Burkina Faso’s" becomes "Burkina Faso": a possessive is not part of a name or a date.
   * OntoNotes sometimes includes it (about one PERSON span in fifty), so the model may too.
   */
  static Entity withoutPossessive(Entity entity) {
    String text = entity.text();
    int cut = text.length();
    if (cut > 2 && (text.endsWith("'s") || text.endsWith("’s") || text.endsWith("'S") || text.endsWith("’S"))) {
      cut -= 2;
    } else if (cut > 2 && (text.endsWith("s'") || text.endsWith("s’"))) {
      cut -= 1; // plural possessive: "the Philippines'"
    } else {
      return entity;
    }
    while (cut > 0 && Spaces.isSpace(text.charAt(cut - 1))) {
      cut--;
    }
    if (cut == 0) {
      return entity;
    }
    return new Entity(entity.type(), entity.start(), entity.start() + cut, text.substring(0, cut),
        entity.confidence(), entity.recognizer(), entity.normalized());
  }

  private static Entity fromOffset(Entity entity, int skip) {
    return new Entity(entity.type(), entity.start() + skip, entity.end(), entity.text().substring(skip),
        entity.confidence(), entity.recognizer(), entity.normalized());
  }
}
