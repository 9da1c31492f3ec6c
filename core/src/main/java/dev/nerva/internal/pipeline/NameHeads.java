package dev.nerva.internal.pipeline;

import static dev.nerva.internal.pipeline.OrganisationCues.CONFIDENCE;
import static dev.nerva.internal.pipeline.OrganisationCues.DETERMINERS;
import static dev.nerva.internal.pipeline.OrganisationCues.NAME;
import static dev.nerva.internal.pipeline.OrganisationCues.capitalised;
import static dev.nerva.internal.pipeline.OrganisationCues.edit;
import static dev.nerva.internal.pipeline.OrganisationCues.longestByStart;
import static dev.nerva.internal.pipeline.OrganisationCues.overlapping;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSet;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Sentence;
import dev.nerva.Token;
import dev.nerva.internal.tokenize.TrueCaser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names whose own words say what they are, after the model and the organisation cues. A name may
 * end in a noun for its own kind of place: "Victoria Harbor", "Mai Po Marshes", "Dover Air Force
 * Base", "Hong Kong Wetland Park". Such a name is a LOCATION: a PERSON or ORGANIZATION span of two
 * or more words that ends in one becomes a LOCATION, and a run of capitalised words that ends in
 * one, where no recognizer found a name or only found names inside it ("Hong Kong" in "Hong Kong
 * Wetland Park"), is added as one. The nouns are those that end place names in nine OntoNotes
 * names in ten or more, titles of works aside ("Harbor", "River", "Airport", "Bridge"; not
 * "Center", "Hall", "Street" or "Forest", which end organisations' names too); "Park" does not
 * turn a person into a place ("Grace Park"). Names that start with "Mt.", "Mount", "Lake", "Fort"
 * or "Cape" and a capitalised word are places the same way, unless an organisation's noun ends
 * them ("Mount Sinai Hospital"). A name ending in a noun that ends organisations' names ("Ketchum
 * Communications", "Louisiana Nursing Home Association") is an ORGANIZATION over a PERSON guess.
 * A town and its US state, without a comma ("Honolulu Hawaii") or with the state abbreviated after
 * one ("Wayland, Mass."), are two locations.
 *
 * <p>New spans come from recognizer "cues" with confidence 0.6, or the model's where it found the
 * span whole and was less sure; document consistency then holds what they state for the name's
 * other mentions. Title-case headlines, spans the organisation cues placed and spans of the
 * user's dictionaries are left alone. Runs with the organisation cues ({@code
 * Nerva.Builder.organisationCues}).
 */
public final class NameHeads implements PipelineStep {

  /** Nouns that end place names: "Victoria Harbor", "Gaza Strip", "Heathrow Airport". */
  private static final ImmutableSet<String> PLACE_HEADS = ImmutableSet.of(
      "Harbor", "Harbour", "Bay", "Peak", "River", "Mountains", "Valley", "Marshes", "Island", "Islands",
      "Peninsula", "Desert", "Sea", "Ocean", "Gulf", "Strait", "Canyon", "Glacier", "Coast", "Plateau", "Plains",
      "Delta", "Basin", "Lake", "Lagoon", "Creek", "Heights", "Gardens", "Beach", "Province", "Prefecture",
      "Governorate", "County", "Airport", "Airbase", "Bridge", "Road", "Boulevard", "Highway", "Motorway", "Freeway",
      "Tunnel", "Canal", "Square", "Plaza", "Stadium", "Building", "Cathedral", "Mosque", "Memorial", "Base",
      "Pier", "Wharf", "Park", "Township", "Municipality", "Village", "Region", "Territories", "Strip", "Railway",
      "Parkway", "Expressway", "Turnpike", "Trail", "Range", "Mall", "Prison", "Mountain");
  /** Words that start place names: "Mt. Kuanyin", "Lake Chad", "Fort Bragg", "Cape Verde". */
  private static final ImmutableSet<String> PLACE_PREFIXES = ImmutableSet.of(
      "Mt.", "Mt", "Mount", "Lake", "Fort", "Cape");
  /** Last words that make a name starting like a place an organisation's: "Mount Sinai Hospital". */
  private static final ImmutableSet<String> ORGANISATION_HEADS = ImmutableSet.of(
      "Hospital", "School", "University", "College", "Academy", "Church", "Center", "Centre", "Club", "Company",
      "Corporation", "Council", "Institute", "Society", "Association", "Group", "Bank");
  /**
   * Nouns that end organisations' names in 95 OntoNotes names in 100 or more: "Ketchum
   * Communications", "Louisiana Nursing Home Association". Not "Court", "Post", "Steel" (Margaret
   * Court, Emily Post, Danielle Steel), "Bank", "Union", "Center" (places' names end in them too).
   */
  private static final ImmutableSet<String> ORGANISATION_NAME_HEADS = ImmutableSet.of(
      "Corp.", "Corp", "Inc.", "Inc", "Co.", "Ltd.", "Ltd", "Group", "Holdings", "Partners", "Associates", "Airlines",
      "Airways", "Motors", "Foods", "Systems", "Technologies", "Industries", "Pharmaceuticals", "Entertainment",
      "Insurance", "Securities", "Investments", "Ventures", "Laboratories", "Labs", "Studios", "Brothers", "Bros.",
      "Electric", "Electronics", "Chemical", "Chemicals", "Energy", "Financial", "Fund", "Foundation", "Institute",
      "Association", "Council", "Committee", "Commission", "Party", "Agency", "Ministry", "Department", "Army",
      "Navy", "College", "Academy", "Society", "Company", "Corporation", "Board", "Authority", "Organization",
      "Organisation", "Bureau", "Movement", "Brigade", "Forces", "Corps", "Television", "TV", "Service", "Services",
      "Communications", "Capital", "Times", "Journal", "Magazine", "Network", "University");
  /**
   * The US states, for "Honolulu Hawaii"; not those that are often people's or mountains' names
   * too (Washington, Montana, Nevada) or a country's (Georgia).
   */
  private static final ImmutableSet<String> US_STATES = ImmutableSet.of(
      "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
      "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
      "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Nebraska", "New Hampshire", "New Jersey",
      "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
      "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
      "West Virginia", "Wisconsin", "Wyoming");
  /** The US states as newspapers abbreviate them after a town ("Wayland, Mass."). */
  private static final ImmutableSet<String> STATE_ABBREVIATIONS = ImmutableSet.of(
      "Ala.", "Ariz.", "Ark.", "Calif.", "Calif", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.",
      "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.",
      "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.",
      "W.Va.", "Wis.", "Wyo.", "D.C.");
  /** First words of the states named in two: "New Mexico", "Rhode Island". */
  private static final ImmutableSet<String> STATE_FIRST_WORDS = ImmutableSet.of(
      "New", "North", "South", "West", "Rhode");
  /** Heads that are surnames often enough to leave a PERSON span alone. */
  private static final ImmutableSet<String> SURNAME_HEADS = ImmutableSet.of("Park");
  /** The types a headed run may swallow when they lie inside it. */
  private static final ImmutableSet<EntityType> INSIDE_A_PLACE = ImmutableSet.of(
      EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.COUNTRY);

  private final TrueCaser casing;
  private final ImmutableSet<String> untouched;

  /**
   * @param casing which words are usually lower case, so that a sentence's first word is not taken
   *     for part of a place's name ("Across Victoria Harbor")
   * @param untouched recognizers whose spans are left as they are (dictionaries); the organisation
   *     cues' spans are always left alone
   */
  public NameHeads(TrueCaser casing, Set<String> untouched) {
    this.casing = Preconditions.checkNotNull(casing, "casing");
    this.untouched = ImmutableSet.<String>builder().addAll(untouched).add(NAME).build();
  }

  @Override
  public String name() {
    return "name-heads";
  }

  @Override
  public void apply(Analysis analysis) {
    TreeMap<Integer, Entity> byStart = longestByStart(analysis.spans());
    List<Entity> added = new ArrayList<>();
    List<Entity> replaced = new ArrayList<>();
    for (Sentence sentence : analysis.sentences()) {
      // In a headline every word is capitalised, so capitals do not say where a name starts: only a
      // one-word town before its state is read there ("Storm Hits Austin Texas"; a sign-off too,
      // "Thelma Gutierrez CNN Honolulu Hawaii").
      String[] words = sentence.tokens().stream().map(Token::text).toArray(String[]::new);
      boolean ordinary = TrueCaser.casingOf(words) == TrueCaser.Casing.ORDINARY;
      int townWords = ordinary ? 3 : 1;
      if (ordinary) {
        headedPlaces(sentence.tokens(), words, byStart, analysis.text(), added, replaced);
      }
      citiesAndStates(sentence.tokens(), townWords, byStart, analysis.text(), added, replaced);
      abbreviatedStates(sentence.tokens(), townWords, byStart, analysis.text(), added, replaced);
    }
    edit(analysis, replaced, added);
  }

  /**
   * "Victoria Harbor", "Hong Kong Wetland Park", "Mt. Kuanyin": names whose last word, or first,
   * says they are places.
   */
  private void headedPlaces(List<Token> tokens, String[] words, TreeMap<Integer, Entity> byStart, String text,
      List<Entity> added, List<Entity> replaced) {
    for (int i = 0; i < tokens.size(); i++) {
      boolean placeHead = PLACE_HEADS.contains(words[i]);
      if ((placeHead || ORGANISATION_NAME_HEADS.contains(words[i])) && i > 0) {
        int first = i;
        while (first > 0 && i - first < 5 && (capitalised(words[first - 1]) || acronym(words[first - 1]))) {
          first--; // "HSBC Main Building"
        }
        while (first < i && (DETERMINERS.contains(words[first].toLowerCase(Locale.ROOT))
            || first == 0 && casing.usuallyLowerCase(words[first]))) {
          first++; // "The Ocean Park", "Across Victoria Harbor": not part of the name
        }
        if (first < i) {
          name(tokens, first, i, placeHead ? EntityType.LOCATION : EntityType.ORGANIZATION,
              !SURNAME_HEADS.contains(words[i]), byStart, text, added, replaced);
        }
      }
      if (PLACE_PREFIXES.contains(words[i])) {
        int last = i;
        while (last + 1 < tokens.size() && last - i < 3 && capitalised(words[last + 1])) {
          last++;
        }
        if (last > i && !ORGANISATION_HEADS.contains(words[last])) {
          // unless it ends in an organisation's noun: "Mount Sinai Hospital" is not a place
          name(tokens, i, last, EntityType.LOCATION, true, byStart, text, added, replaced);
        }
      }
    }
  }

  /**
   * "Honolulu Hawaii", "Gardner Massachusetts": a town and its US state with no comma between
   * them, as transcripts and informal text write them, are two places, not one organisation or
   * person, and not nothing. The town is one to three capitalised words right before the state;
   * spans the model found over them are replaced, a span that began before the town ("CNN
   * Honolulu Hawaii") is cut before it, and a span that goes on after the state is left alone, as
   * are a state whose name the words make ("West Virginia") and a LOCATION the model found over
   * both.
   */
  private void citiesAndStates(List<Token> tokens, int townWords, TreeMap<Integer, Entity> byStart, String text,
      List<Entity> added, List<Entity> replaced) {
    for (int i = 1; i < tokens.size(); i++) {
      String word = tokens.get(i).text();
      int stateLast = US_STATES.contains(word) ? i
          : i + 1 < tokens.size() && STATE_FIRST_WORDS.contains(word)
              && US_STATES.contains(word + " " + tokens.get(i + 1).text()) ? i + 1
          : -1;
      if (stateLast < 0) {
        continue;
      }
      int first = i;
      while (first > 0 && i - first < townWords && capitalised(tokens.get(first - 1).text())
          && !DETERMINERS.contains(tokens.get(first - 1).text().toLowerCase(Locale.ROOT))
          && !(first - 1 == 0 && casing.usuallyLowerCase(tokens.get(first - 1).text()))) {
        first--;
      }
      if (first == i || US_STATES.contains(tokens.get(first).text() + " " + tokens.get(i).text())) {
        i = stateLast;
        continue; // no town before it, or "West Virginia", "New Mexico"
      }
      int start = tokens.get(first).start();
      int end = tokens.get(stateLast).end();
      List<Entity> inside = new ArrayList<>();
      boolean free = added.stream().noneMatch(a -> a.start() < end && start < a.end());
      Entity before = null;
      for (Entity span : byStart.subMap(0, true, end, false).values()) {
        if (span.end() > start && !replaced.contains(span)) {
          inside.add(span);
          boolean endsWithPair = span.start() < start && span.end() == end; // "CNN Honolulu Hawaii"
          free &= (span.start() >= start && span.end() <= end || endsWithPair)
              && INSIDE_A_PLACE.contains(span.type()) && !untouched.contains(span.recognizer());
          before = endsWithPair ? span : before;
        }
      }
      if (inside.size() == 1 && inside.get(0).type().equals(EntityType.LOCATION) && inside.get(0).start() == start
          && inside.get(0).end() == end) {
        free = false; // one place as the model read it: OntoNotes marks "Richmond Virginia" both ways
      }
      if (free) {
        int townEnd = tokens.get(i - 1).end();
        int stateStart = tokens.get(i).start();
        replaced.addAll(inside);
        if (before != null) {
          int keptEnd = tokens.get(first - 1).end(); // the model's name before the town keeps its type
          added.add(new Entity(before.type(), before.start(), keptEnd, text.substring(before.start(), keptEnd),
              before.confidence(), before.recognizer()));
        }
        added.add(new Entity(EntityType.LOCATION, start, townEnd, text.substring(start, townEnd), CONFIDENCE, NAME));
        added.add(new Entity(EntityType.LOCATION, stateStart, end, text.substring(stateStart, end), CONFIDENCE, NAME));
      }
      i = stateLast;
    }
  }

  /**
   * "Wayland, Mass.", "Newark, N.J.": a town and its state as US newspapers write them, the state
   * abbreviated after a comma. The abbreviation is a place where nothing else was found, and so is
   * the town (one to three capitalised words) where nothing or only a PERSON or ORGANIZATION span
   * of exactly its words was found ("Needham" read as a surname). "Rep. Markey (D., Mass.)" gives
   * the state alone.
   */
  private void abbreviatedStates(List<Token> tokens, int townWords, TreeMap<Integer, Entity> byStart, String text,
      List<Entity> added, List<Entity> replaced) {
    for (int i = 2; i < tokens.size(); i++) {
      if (!STATE_ABBREVIATIONS.contains(tokens.get(i).text()) || !tokens.get(i - 1).text().equals(",")
          || !Character.isUpperCase(tokens.get(i - 2).text().charAt(0))) {
        continue;
      }
      retypeOrAdd(tokens, i, i, byStart, text, added, replaced);
      int first = i - 2;
      while (first > 0 && i - 2 - first < townWords - 1 && capitalised(tokens.get(first - 1).text())
          && !DETERMINERS.contains(tokens.get(first - 1).text().toLowerCase(Locale.ROOT))) {
        first--;
      }
      String last = tokens.get(i - 2).text();
      boolean sentenceWord = first == 0 && casing.usuallyLowerCase(tokens.get(0).text());
      if (capitalised(last) && !last.endsWith(".") && !sentenceWord) {
        retypeOrAdd(tokens, first, i - 2, byStart, text, added, replaced); // not the "D." of a party
      }
    }
  }

  /**
   * Makes tokens {@code first..last} a LOCATION where no span overlaps them, or retypes a PERSON
   * or ORGANIZATION span of exactly those tokens.
   */
  private void retypeOrAdd(List<Token> tokens, int first, int last, TreeMap<Integer, Entity> byStart, String text,
      List<Entity> added, List<Entity> replaced) {
    int start = tokens.get(first).start();
    int end = tokens.get(last).end();
    if (added.stream().anyMatch(a -> a.start() < end && start < a.end())) {
      return;
    }
    Entity existing = overlapping(byStart, start, end);
    if (existing != null && replaced.contains(existing)) {
      return;
    }
    if (existing == null) {
      added.add(new Entity(EntityType.LOCATION, start, end, text.substring(start, end), CONFIDENCE, NAME));
    } else if (existing.start() == start && existing.end() == end && (existing.type().equals(EntityType.PERSON)
        || existing.type().equals(EntityType.ORGANIZATION)) && !untouched.contains(existing.recognizer())) {
      replaced.add(existing);
      added.add(new Entity(EntityType.LOCATION, start, end, existing.text(),
          Math.min(existing.confidence(), CONFIDENCE), NAME));
    }
  }

  /**
   * Makes tokens {@code first..last} a name of {@code type}, over the model's spans inside them, or
   * over the model's span of another type that ends with them ("Bank of China Tower"): a PERSON
   * (unless {@code overPerson} is false) or, for a place, an ORGANIZATION.
   */
  private void name(List<Token> tokens, int first, int last, EntityType type, boolean overPerson,
      TreeMap<Integer, Entity> byStart, String text, List<Entity> added, List<Entity> replaced) {
    int runStart = tokens.get(first).start();
    int end = tokens.get(last).end();
    if (added.stream().anyMatch(a -> a.start() < end && runStart < a.end())) {
      return; // another rule of this step placed it already
    }
    int start = runStart;
    List<Entity> inside = new ArrayList<>();
    boolean free = true;
    for (Entity span : byStart.subMap(0, true, end, false).values()) {
      if (span.end() > start && !replaced.contains(span)) {
        inside.add(span);
        free &= span.start() >= start && span.end() <= end && INSIDE_A_PLACE.contains(span.type())
            && !untouched.contains(span.recognizer());
      }
    }
    Entity model = inside.size() == 1 ? inside.get(0) : null;
    if (model != null && model.end() == end && model.start() < start) {
      free = !untouched.contains(model.recognizer()) && (model.type().equals(EntityType.PERSON)
          || type.equals(EntityType.LOCATION) && model.type().equals(EntityType.ORGANIZATION));
      start = model.start(); // the model's span, longer than the capitalised run
    }
    if (model != null && model.type().equals(EntityType.PERSON) && !overPerson
        || type.equals(EntityType.ORGANIZATION) && inside.stream().anyMatch(e -> e.start() == runStart && e.end() == end
            && !e.type().equals(EntityType.PERSON))) {
      free = false; // an organisation's head overrules a person guess only, not a place the model read
    }
    if (!free || model != null && model.type().equals(type) && model.start() == start && model.end() == end) {
      return;
    }
    // A span the model found whole keeps its doubt; a new one gets the cues' confidence.
    boolean retyped = model != null && model.start() == start && model.end() == end;
    replaced.addAll(inside);
    double confidence = retyped ? Math.min(model.confidence(), CONFIDENCE) : CONFIDENCE;
    added.add(new Entity(type, start, end, text.substring(start, end), confidence, NAME));
  }

  private static boolean acronym(String word) {
    return word.length() >= 2 && word.chars().allMatch(c -> c >= 'A' && c <= 'Z');
  }
}
