package dev.nerva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dictionaries and exclusion lists through the public API. */
class EntityDictionaryTest {

  private static final EntityType WEAPON = EntityType.of("WEAPON");

  /** Stands in for a model that takes "Wagner" for a person and "Africa" for a place. */
  private static final FixedStrings MODEL = new FixedStrings(Map.of(
      "Wagner", EntityType.PERSON, "Africa", EntityType.LOCATION, "Mali", EntityType.LOCATION,
      "Tuareg", EntityType.ORGANIZATION));

  private static final EntityDictionary GROUPS = EntityDictionary.builder("groups")
      .add("Wagner", EntityType.ORGANIZATION)
      .add("Wagner Group", EntityType.ORGANIZATION, "Q1234")
      .add("Africa Corps", EntityType.ORGANIZATION)
      .add("kalashnikov", WEAPON)
      .add("Su-24", WEAPON)
      .build();

  @Test
  void dictionarySpansWinOverTheModelsAndLongerOnesOverShorter() {
    Nerva nerva = Nerva.builder().recognizer(MODEL).dictionary(GROUPS).build();
    String text = "The Wagner Group became the Africa Corps in Mali. Wagner men carried a KALASHNIKOV.";

    assertThat(nerva.process(text).entities())
        .extracting(Entity::type, Entity::text, Entity::normalized, Entity::recognizer)
        .containsExactly(
            tuple(EntityType.ORGANIZATION, "Wagner Group", "Q1234", "groups"),
            tuple(EntityType.ORGANIZATION, "Africa Corps", null, "groups"),
            tuple(EntityType.COUNTRY, "Mali", "ML", "fixed"),
            tuple(EntityType.ORGANIZATION, "Wagner", null, "groups"),
            tuple(WEAPON, "KALASHNIKOV", null, "groups"));
    assertThat(nerva.outputTypes()).contains(WEAPON);
    assertThat(nerva.steps()).contains("custom-spans");
  }

  @Test
  void whenDictionariesDoNotWinTheLongerSpanDoes() {
    FixedStrings longer = new FixedStrings(Map.of("Wagner Group leaders", EntityType.PERSON));
    String text = "Wagner Group leaders met.";

    assertThat(Nerva.builder().recognizer(longer).dictionary(GROUPS).build().process(text).entities())
        .extracting(Entity::text).containsExactly("Wagner Group");
    assertThat(Nerva.builder().recognizer(longer).dictionary(GROUPS).customSpansWin(false).build()
        .process(text).entities()).extracting(Entity::text).containsExactly("Wagner Group leaders");
  }

  @Test
  void theNameRulesLeaveDictionarySpansAsTheUserGaveThem() {
    EntityDictionary venues = EntityDictionary.builder("venues")
        .add("Victoria Harbor", EntityType.ORGANIZATION).add("Austin Texas", EntityType.PERSON).build();
    String text = "Austin Texas sang at Victoria Harbor.";

    assertThat(Nerva.builder().dictionary(venues).build().process(text).entities())
        .extracting(Entity::text, Entity::type, Entity::recognizer).containsExactly(
            tuple("Austin Texas", EntityType.PERSON, "venues"), tuple("Victoria Harbor", EntityType.ORGANIZATION, "venues"));
    // the same spans from another recognizer are read by the rules
    assertThat(Nerva.builder().recognizer(new FixedStrings(Map.of("Victoria Harbor", EntityType.ORGANIZATION)))
        .build().process(text).entities()).extracting(Entity::text, Entity::type).contains(
            tuple("Victoria Harbor", EntityType.LOCATION), tuple("Austin", EntityType.LOCATION));
  }

  @Test
  void caseFollowsThePhrasesOwnCaseByDefault() {
    Nerva nerva = Nerva.builder().dictionary(GROUPS).build();

    assertThat(nerva.process("wagner and Wagner and WAGNER; kalashnikov, Kalashnikov.").entities())
        .extracting(Entity::text).containsExactly("Wagner", "kalashnikov", "Kalashnikov");
    EntityDictionary exact = EntityDictionary.builder("exact").caseMatching(EntityDictionary.CaseMatching.EXACT)
        .add("kalashnikov", WEAPON).build();
    assertThat(Nerva.builder().dictionary(exact).build().process("Kalashnikov and kalashnikov.").entities())
        .extracting(Entity::text).containsExactly("kalashnikov");
    EntityDictionary anyCase = EntityDictionary.builder("any").caseMatching(EntityDictionary.CaseMatching.IGNORE)
        .add("Wagner", EntityType.ORGANIZATION).build();
    assertThat(Nerva.builder().dictionary(anyCase).build().process("wagner WAGNER").entities()).hasSize(2);
  }

  @Test
  void phrasesMatchOnTokenBoundariesOnly() {
    Nerva nerva = Nerva.builder().dictionary(GROUPS).build();

    assertThat(nerva.process("Wagnerian music, Su-24s and a Su-24.").entities())
        .extracting(Entity::text).containsExactly("Su-24");
  }

  @Test
  void readsTsvFilesAndNamesTheLineOfAMistake(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("weapons.tsv");
    Files.writeString(file, "\uFEFF# weapons\nKalashnikov\tWEAPON\n\nSu-24\tWEAPON\tQ2\n", StandardCharsets.UTF_8);

    EntityDictionary read = EntityDictionary.read(file);

    assertThat(read.name()).isEqualTo("weapons");
    assertThat(read.size()).isEqualTo(2);
    assertThat(read.types()).containsExactly(WEAPON);
    for (String[] bad : List.of(
        new String[] {"Kalashnikov WEAPON\n", "line 1: no tab between phrase and label"},
        new String[] {"\tWEAPON\n", "line 1: empty phrase"},
        new String[] {"# c\nAK\tweapon\n", "line 2: entity type name must be upper-case"},
        new String[] {"AK\tWEAPON\tQ1\textra\n", "line 1: more than three"},
        new String[] {"AK\tWEAPON\nAK\tPRODUCT\n", "line 2: \"AK\" is already listed"})) {
      assertThatThrownBy(() -> EntityDictionary.read(new StringReader(bad[0]), "x.tsv", EntityDictionary.builder("x")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("x.tsv " + bad[1].substring(0, bad[1].indexOf(':') + 1))
          .hasMessageContaining(bad[1].substring(bad[1].indexOf(':') + 2));
    }
  }

  @Test
  void aBuiltDictionaryCannotChange() {
    EntityDictionary.Builder builder = EntityDictionary.builder("x").add("AK", WEAPON);
    builder.build();

    assertThatThrownBy(() -> builder.add("Su-24", WEAPON)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EntityDictionary.builder("empty").build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EntityDictionary.builder(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exclusionsRemoveAnyRecognizersSpans(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("exclude.tsv");
    Files.writeString(file, "# never these\nTuareg\nmali\tCOUNTRY\n", StandardCharsets.UTF_8);
    String text = "Tuareg rebels in Mali met Wagner in Africa.";

    Nerva nerva = Nerva.builder().recognizer(MODEL).exclusions(file).exclude("Wagner", EntityType.PERSON).build();

    assertThat(nerva.process(text).entities()).extracting(Entity::type, Entity::text)
        .containsExactly(tuple(EntityType.LOCATION, "Africa"));
    assertThat(nerva.steps()).contains("exclusions");
    Path bad = dir.resolve("bad.tsv");
    Files.writeString(bad, "ok\nX\tY\tZ\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Nerva.builder().exclusions(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.tsv line 2: more than two");
  }

  @Test
  void aMillionEntriesLoadAndMatch() {
    EntityDictionary.Builder builder = EntityDictionary.builder("products");
    for (int i = 0; i < 1_000_000; i++) {
      builder.add("Product " + Integer.toString(i, 36) + " Max", EntityType.of("PRODUCT"));
    }
    EntityDictionary products = builder.build();

    assertThat(products.size()).isEqualTo(1_000_000);
    assertThat(Nerva.builder().dictionary(products).build().process("She bought a Product lflr Max.").entities())
        .extracting(Entity::text).containsExactly("Product lflr Max");
  }
}
