package dev.nerva.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.nerva.Document;
import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.Nerva;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Any Unicode space between words gives the entities a plain space gives. */
class UnicodeSpacesTest {

  private static final LocalDate DATE = LocalDate.of(2024, 9, 4);

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"00A0", "2007", "202F", "2009", "3000"})
  void replacingEverySpaceChangesNoEntity(String codePoint) throws Exception {
    String seed = Files.readString(Paths.get("../../seeds/000_6726bb20fb80e62f.txt"), StandardCharsets.UTF_8);
    String spaced = seed.replace(' ', (char) Integer.parseInt(codePoint, 16));
    Nerva nerva = Nerva.english();

    List<Tuple> plain = spans(nerva.process(seed, DATE));
    List<Tuple> unicode = spans(nerva.process(spaced, DATE));

    assertThat(plain).hasSizeGreaterThan(40);
    assertThat(unicode).containsExactlyElementsOf(plain);
  }

  @ParameterizedTest(name = "separator {0}")
  @ValueSource(strings = {"\u00A0", "  ", "\t", " \u202F"})
  void titlesAndArticlesAreCutAcrossAnySpace(String space) {
    String text = "Mr" + space + "Putin spoke at the" + space + "United Nations in" + space + "2022.";
    Document doc = Nerva.english().process(text);

    assertThat(doc.entities()).extracting(Entity::type, Entity::text).containsExactly(
        tuple(EntityType.PERSON, "Putin"),
        tuple(EntityType.ORGANIZATION, "United Nations"),
        tuple(EntityType.DATE, "2022"));
  }

  private static List<Tuple> spans(Document doc) {
    return doc.entities().stream()
        .map(e -> tuple(e.type(), e.start(), e.end(), e.normalized())).toList();
  }
}
