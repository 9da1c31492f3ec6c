package dev.nerva.ner.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nerva.internal.Hash64;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.util.StringList;
import org.junit.jupiter.api.Test;

/** The hashed gazetteer against plain sets of the same phrases. */
class PhraseListTest {

  @Test
  void answersAsSetsOfJoinedPhrasesAndPrefixesWould() throws Exception {
    Random random = new Random(5);
    Dictionary dictionary = new Dictionary(true);
    Set<String> phrases = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    Set<String> firstTokens = new HashSet<>();
    List<String[]> probes = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      String[] tokens = tokens(random);
      dictionary.put(new StringList(tokens));
      StringBuilder joined = new StringBuilder();
      for (String token : tokens) {
        joined.append(token).append(PhraseList.SEPARATOR);
        prefixes.add(joined.toString());
      }
      phrases.add(joined.toString());
      firstTokens.add(tokens[0]);
      probes.add(tokens);
      probes.add(tokens(random));
    }
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    dictionary.serialize(xml);

    for (PhraseList list : List.of(PhraseList.of(dictionary),
        (PhraseList) new PhraseList.Serializer().create(new ByteArrayInputStream(xml.toByteArray())))) {
      assertThat(list.size()).isEqualTo(phrases.size());
      int notStarting = 0;
      for (String[] probe : probes) {
        if (firstTokens.contains(probe[0])) {
          assertThat(list.startsWithToken(probe[0])).isTrue();
        } else if (!list.startsWithToken(probe[0])) {
          notStarting++;
        }
        StringBuilder joined = new StringBuilder();
        for (String token : probe) {
          joined.append(token).append(PhraseList.SEPARATOR);
          long hash = Hash64.of(joined.toString());
          assertThat(list.startsPhrase(hash)).as(joined.toString()).isEqualTo(prefixes.contains(joined.toString()));
          assertThat(list.isPhrase(hash)).as(joined.toString()).isEqualTo(phrases.contains(joined.toString()));
        }
      }
      // The first-token filter may let a token through that starts nothing, but it must turn most away.
      long unknownFirsts = probes.stream().filter(p -> !firstTokens.contains(p[0])).count();
      assertThat(notStarting).isGreaterThan((int) (unknownFirsts * 0.8));
    }
  }

  @Test
  void thePackedFormAnswersAsTheListItWasBuiltFrom() throws Exception {
    Random random = new Random(9);
    Dictionary dictionary = new Dictionary(true);
    List<String[]> probes = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String[] tokens = tokens(random);
      dictionary.put(new StringList(tokens));
      probes.add(tokens);
      probes.add(tokens(random));
    }
    PhraseList list = PhraseList.of(dictionary);
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    new PhraseList.PackedSerializer().serialize(list, packed);

    PhraseList again = new PhraseList.PackedSerializer().create(new ByteArrayInputStream(packed.toByteArray()));

    assertThat(again.size()).isEqualTo(list.size());
    assertThat(again.longest()).isEqualTo(list.longest());
    for (String[] probe : probes) {
      assertThat(again.startsWithToken(probe[0])).isEqualTo(list.startsWithToken(probe[0]));
      StringBuilder joined = new StringBuilder();
      for (String token : probe) {
        joined.append(token).append(PhraseList.SEPARATOR);
        long hash = Hash64.of(joined.toString());
        assertThat(again.startsPhrase(hash)).isEqualTo(list.startsPhrase(hash));
        assertThat(again.isPhrase(hash)).isEqualTo(list.isPhrase(hash));
      }
    }
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    new PhraseList.Serializer().serialize(again, xml);
    ByteArrayOutputStream expectedXml = new ByteArrayOutputStream();
    dictionary.serialize(expectedXml);
    assertThat(xml.toByteArray()).isEqualTo(expectedXml.toByteArray());
    byte[] truncated = java.util.Arrays.copyOf(packed.toByteArray(), packed.size() - 100);
    assertThatThrownBy(() -> PhraseList.fromPacked(truncated)).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void readsEscapedTokensAndWritesTheDictionaryBackAsItWasRead() throws Exception {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dictionary case_sensitive=\"true\">\n"
        + "<entry><token>Ben</token><token>&amp;</token><token>Jerry&apos;s</token></entry>\n"
        + "<entry><token>Côte</token><token>d&#39;Ivoire</token></entry>\n</dictionary>\n";
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);

    PhraseList list = (PhraseList) new PhraseList.Serializer().create(new ByteArrayInputStream(bytes));

    assertThat(list.size()).isEqualTo(2);
    assertThat(list.longest()).isEqualTo(3);
    assertThat(list.isPhrase(Hash64.of("Ben\u0001&\u0001Jerry's\u0001"))).isTrue();
    assertThat(list.isPhrase(Hash64.of("Côte\u0001d'Ivoire\u0001"))).isTrue();
    assertThat(list.isPhrase(Hash64.of("Côte\u0001"))).isFalse();
    assertThat(list.startsPhrase(Hash64.of("Côte\u0001"))).isTrue();
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    new PhraseList.Serializer().serialize(list, written);
    assertThat(written.toByteArray()).isEqualTo(bytes);
  }

  private static String[] tokens(Random random) {
    String[] tokens = new String[1 + random.nextInt(3)];
    for (int t = 0; t < tokens.length; t++) {
      StringBuilder token = new StringBuilder();
      token.append((char) ('A' + random.nextInt(26)));
      for (int i = random.nextInt(6); i > 0; i--) {
        token.append((char) ('a' + random.nextInt(26)));
      }
      tokens[t] = token.toString();
    }
    return tokens;
  }
}
