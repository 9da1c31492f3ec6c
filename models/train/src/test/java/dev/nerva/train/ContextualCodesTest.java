package dev.nerva.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import dev.nerva.internal.ner.ContextualCoder;
import dev.nerva.internal.ner.NameFinderRecognizer;
import dev.nerva.internal.ner.OntoNotesLabels;
import dev.nerva.ner.features.ContextualCodes;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import dev.nerva.train.OntoNotesCorpus.GoldSentence;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contextual codes reach the name finders of both reading directions, in training (looked up by
 * content) and in decoding (attached by the recognizer). Tiny models are trained on sentences
 * whose names differ only in their codes (code 1: an organisation, code 2: a person), so what
 * they make of an unseen name can only come from the codes it is given.
 */
class ContextualCodesTest {

  private static final int ORGANISATION = 1;
  private static final int PERSON = 2;
  private static NameFinderRecognizer plain;

  /** Made-up capitalised names, none of them in any gazetteer. */
  private static String name(Random random) {
    String consonants = "bdfgklmnprstvz";
    String vowels = "aeiou";
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      word.append(consonants.charAt(random.nextInt(consonants.length()))).append(vowels.charAt(random.nextInt(5)));
    }
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  @BeforeAll
  static void train() throws Exception {
    Random random = new Random(7);
    List<GoldDocument> documents = new ArrayList<>();
    Map<String, int[][]> table = new HashMap<>();
    for (int d = 0; d < 60; d++) {
      int code = d % 2 == 0 ? ORGANISATION : PERSON;
      String[] tokens = {"We", "heard", "from", name(random), name(random), "on", "the", "phone", "."};
      Span span = new Span(3, 5, code == ORGANISATION ? "ORG" : "PERSON");
      int[][] codes = new int[tokens.length][];
      for (int i = 0; i < tokens.length; i++) {
        codes[i] = new int[] {span.contains(i) ? code : 0};
      }
      table.put(String.join(" ", tokens), codes);
      List<String> reversed = new ArrayList<>(Arrays.asList(tokens));
      java.util.Collections.reverse(reversed);
      int[][] reversedCodes = codes.clone();
      java.util.Collections.reverse(Arrays.asList(reversedCodes));
      table.put(String.join(" ", reversed), reversedCodes);
      List<String> tags = Arrays.stream(tokens).map(t -> "NNP").toList();
      documents.add(new GoldDocument("nw/codes/" + d, ImmutableList.of(
          new GoldSentence(ImmutableList.copyOf(tokens), ImmutableList.copyOf(tags), ImmutableList.of(span)))));
    }
    ContextualCodes.setLookup(tokens -> table.get(String.join(" ", tokens)));
    Map<String, String> cheap = Map.of("gis.iterations", "60", "sgd.iterations", "5", "cutoff", "0", "threads", "1",
        "caseAugmentation", "0");
    Map<String, String> backwardSettings = new HashMap<>(cheap);
    backwardSettings.put("direction", NameFinderRecognizer.RIGHT_TO_LEFT);
    TokenNameFinderModel left = NameFinderTrainer.train(documents,
        TrainingRecipe.read(Paths.get("recipe/ner-en-codes.properties"), cheap));
    TokenNameFinderModel right = NameFinderTrainer.train(documents,
        TrainingRecipe.read(Paths.get("recipe/ner-en-codes.properties"), backwardSettings));
    ContextualCodes.setLookup(tokens -> null);
    plain = new NameFinderRecognizer("tiny", left, OntoNotesLabels.TO_NERVA)
        .withBackwardModel(right, 2.0); // 2: always consult the right-to-left model too
  }

  @AfterAll
  static void reset() {
    ContextualCodes.setLookup(tokens -> null);
  }

  /** A coder that gives the words of "Quorvane Brelt" {@code code} and every other word 0. */
  private static ContextualCoder coding(int code) {
    return tokens -> Arrays.stream(tokens)
        .map(t -> new int[] {t.equals("Quorvane") || t.equals("Brelt") ? code : 0}).toArray(int[][]::new);
  }

  private static List<EntityType> typesOfQuorvane(NameFinderRecognizer finder) {
    String text = "We heard from Quorvane Brelt on the phone.";
    List<Entity> entities = Nerva.builder().recognizer(finder).build().process(text).entities();
    return entities.stream().filter(e -> e.text().equals("Quorvane Brelt")).map(Entity::type).toList();
  }

  @Test
  void theCodesDecideWhatTheModelsMakeOfAnUnseenName() {
    NameFinderRecognizer organisation = plain.withContextualCoder(coding(ORGANISATION));
    NameFinderRecognizer person = plain.withContextualCoder(coding(PERSON));

    assertThat(organisation.hasContextualCoder()).isTrue();
    assertThat(plain.hasContextualCoder()).isFalse();
    assertThat(typesOfQuorvane(organisation)).containsExactly(EntityType.ORGANIZATION);
    assertThat(typesOfQuorvane(person)).containsExactly(EntityType.PERSON);
  }

  @Test
  void codesAreDetachedAfterEachDocument() {
    List<EntityType> before = typesOfQuorvane(plain);
    assertThat(typesOfQuorvane(plain.withContextualCoder(coding(ORGANISATION)))).isNotEqualTo(before);
    assertThat(ContextualCodes.attached(new String[] {"Quorvane"})).isNull();
    assertThat(typesOfQuorvane(plain)).isEqualTo(before);
  }
}
