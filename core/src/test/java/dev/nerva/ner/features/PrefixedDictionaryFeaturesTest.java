package dev.nerva.ner.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.StringList;
import org.junit.jupiter.api.Test;

/** Dictionary features through OpenNLP's descriptor reader, as models build them. */
class PrefixedDictionaryFeaturesTest {

  private static final String[] SENTENCE = {"Anna", "flew", "from", "Buenos", "Aires", "to", "Oslo", "."};

  private static Dictionary dictionary(boolean caseSensitive, String... entries) {
    Dictionary dictionary = new Dictionary(caseSensitive);
    for (String entry : entries) {
      dictionary.put(new StringList(entry.split(" ")));
    }
    return dictionary;
  }

  private static final Map<String, Object> RESOURCES = Map.of(
      "places.dictionary", dictionary(true, "Buenos Aires", "Oslo", "Buenos"),
      "names.dictionary", dictionary(true, "Anna", "Oslo"));

  private static List<List<String>> features(String descriptor, Map<String, Object> resources) throws Exception {
    return DescriptorFeatures.of(DescriptorFeatures.generator(descriptor, resources), SENTENCE);
  }

  private static String generator(String factory, String dict, String prefix) {
    return "<generator class=\"" + factory + "\"><str name=\"dict\">" + dict + "</str>"
        + (prefix == null ? "" : "<str name=\"prefix\">" + prefix + "</str>") + "</generator>";
  }

  @Test
  void eachDictionaryMakesFeaturesUnderItsOwnPrefix() throws Exception {
    String factory = PrefixedDictionaryFeaturesFactory.class.getName();
    List<List<String>> features = features("<featureGenerators name=\"t\">"
        + generator(factory, "places.dictionary", "place") + generator(factory, "names.dictionary", "given")
        + "</featureGenerators>", RESOURCES);

    assertThat(features.get(0)).containsExactly("given:w=dic", "given:w=dic=Anna");
    assertThat(features.get(1)).isEmpty();
    // The longest entry wins: "Buenos Aires", not "Buenos" alone.
    assertThat(features.get(3)).containsExactly("place:w=dic", "place:w=dic=Buenos");
    assertThat(features.get(4)).containsExactly("place:w=dic", "place:w=dic=Aires");
    assertThat(features.get(6))
        .containsExactly("place:w=dic", "place:w=dic=Oslo", "given:w=dic", "given:w=dic=Oslo");
  }

  @Test
  void openNlpsOwnFactoryIgnoresThePrefixAndTheFastReplacementMatchesIt() throws Exception {
    for (Map<String, Object> resources : List.of(RESOURCES,
        Map.<String, Object>of("places.dictionary", dictionary(false, "buenos aires", "OSLO")))) {
      String openNlp = "<featureGenerators name=\"t\">" + generator(
          "opennlp.tools.util.featuregen.DictionaryFeatureGeneratorFactory", "places.dictionary", "place")
          + "</featureGenerators>";
      String memo = openNlp.replace("opennlp.tools.util.featuregen.DictionaryFeatureGeneratorFactory",
          MemoDictionaryFeaturesFactory.class.getName());

      List<List<String>> expected = features(openNlp, resources);
      assertThat(expected.get(6)).containsExactly(":w=dic", ":w=dic=Oslo");
      assertThat(features(memo, resources)).isEqualTo(expected);
    }
  }

  @Test
  void aMissingPrefixOrDictionaryIsAFormatError() {
    String factory = PrefixedDictionaryFeaturesFactory.class.getName();
    // OpenNLP's descriptor reader wraps the generator's InvalidFormatException.
    assertThatThrownBy(() -> features("<featureGenerators name=\"t\">" + generator(factory, "places.dictionary", null)
            + "</featureGenerators>", RESOURCES))
        .hasRootCauseInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("prefix");
    assertThatThrownBy(() -> features("<featureGenerators name=\"t\">" + generator(factory, "places.dictionary", " ")
            + "</featureGenerators>", RESOURCES))
        .hasRootCauseInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("non-empty 'prefix'");
    assertThatThrownBy(() -> features("<featureGenerators name=\"t\">" + generator(factory, "cities.dictionary", "city")
            + "</featureGenerators>", RESOURCES))
        .hasRootCauseInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("cities.dictionary");
  }

  @Test
  void phraseListsReadFromDictionaryXmlMakeTheSameFeaturesAsTheDictionary() throws Exception {
    Dictionary places = dictionary(true, "Buenos Aires", "Oslo", "Buenos", "AT&T <Labs>");
    java.io.ByteArrayOutputStream xml = new java.io.ByteArrayOutputStream();
    places.serialize(xml);
    Object read = new PhraseList.Serializer().create(new java.io.ByteArrayInputStream(xml.toByteArray()));
    assertThat(read).isInstanceOfSatisfying(PhraseList.class, list -> assertThat(list.size()).isEqualTo(4));

    String descriptor = "<featureGenerators name=\"t\">"
        + generator(PrefixedDictionaryFeaturesFactory.class.getName(), "places.dictionary", "place")
        + "</featureGenerators>";
    assertThat(features(descriptor, Map.of("places.dictionary", read)))
        .isEqualTo(features(descriptor, Map.of("places.dictionary", places)));
    // escaped characters come back as they were written
    String[] escaped = {"AT&T", "<Labs>", "said"};
    assertThat(DescriptorFeatures.of(DescriptorFeatures.generator(descriptor, Map.of("places.dictionary", read)), escaped)
        .get(1)).containsExactly("place:w=dic", "place:w=dic=<Labs>");

    // and write back as the same dictionary
    java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
    new PhraseList.Serializer().serialize(read, again);
    assertThat(new Dictionary(new java.io.ByteArrayInputStream(again.toByteArray()))).isEqualTo(places);
  }

  @Test
  void aCaseInsensitiveDictionaryStaysAnOpenNlpDictionary() throws Exception {
    java.io.ByteArrayOutputStream xml = new java.io.ByteArrayOutputStream();
    dictionary(false, "buenos aires").serialize(xml);
    assertThat(new PhraseList.Serializer().create(new java.io.ByteArrayInputStream(xml.toByteArray())))
        .isInstanceOfSatisfying(Dictionary.class, d -> assertThat(d.isCaseSensitive()).isFalse());
    assertThatThrownBy(() -> new PhraseList.Serializer().create(new java.io.ByteArrayInputStream(new byte[] {'x'})))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("<dictionary>");
  }
}
