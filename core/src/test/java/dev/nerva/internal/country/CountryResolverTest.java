package dev.nerva.internal.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nerva.Entity;
import dev.nerva.EntityType;
import dev.nerva.ModelLoadException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CountryResolverTest {

  private final CountryResolver countries = CountryResolver.bundled();

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Burkina Faso | BF
      Mali | ML
      Niger | NE
      Ukraine | UA
      Russia | RU
      Russian Federation | RU
      US | US
      U.S. | US
      the United States | US
      America | US
      Britain | GB
      UK | GB
      Ivory Coast | CI
      Côte d’Ivoire | CI
      Burma | MM
      South Korea | KR
      North Korea | KP
      Czech Republic | CZ
      Czechia | CZ
      the Netherlands | NL
      DR Congo | CD
      Kosovo | XK
      burkina  faso | BF
      """)
  void resolvesNamesAndAliases(String name, String code) {
    assertThat(countries.codeOf(name)).contains(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Moscow", "Africa", "Sahel", "St. Petersburg", "Washington", "Europe", "Puerto Rico",
      "Hong Kong", "Texas", ""})
  void placesThatAreNotSovereignCountriesAreNotResolved(String name) {
    assertThat(countries.codeOf(name)).isEmpty();
  }

  @Test
  void turnsCountryLocationsIntoCountriesAndLeavesTheRest() {
    Entity mali = new Entity(EntityType.LOCATION, 10, 14, "Mali", 0.9, "test");
    Entity moscow = new Entity(EntityType.LOCATION, 0, 6, "Moscow", 0.9, "test");
    Entity person = new Entity(EntityType.PERSON, 0, 6, "Jordan", 0.9, "test");

    assertThat(countries.resolve(mali)).extracting(Entity::type, Entity::normalizedValue, Entity::text, Entity::start)
        .containsExactly(EntityType.COUNTRY, Optional.of("ML"), "Mali", 10);
    assertThat(countries.resolve(moscow)).isEqualTo(moscow);
    assertThat(countries.resolve(person)).isEqualTo(person);
  }

  @Test
  void anOrganisationNamedExactlyLikeACountryIsTheCountry() {
    Entity burkina = new Entity(EntityType.ORGANIZATION, 5, 17, "Burkina Faso", 0.4, "test");
    Entity airline = new Entity(EntityType.ORGANIZATION, 0, 14, "China Airlines", 0.9, "test");
    Entity lowerCase = new Entity(EntityType.ORGANIZATION, 0, 4, "chad", 0.9, "test");

    assertThat(countries.resolve(burkina)).extracting(Entity::type, Entity::normalizedValue, Entity::confidence)
        .containsExactly(EntityType.COUNTRY, Optional.of("BF"), 0.4);
    assertThat(countries.resolve(airline)).isEqualTo(airline);
    assertThat(countries.resolve(lowerCase)).isEqualTo(lowerCase);
  }

  @Test
  void aPersonNamedLikeACountryOfSeveralWordsIsTheCountryButJordanStaysAPerson() {
    Entity burkina = new Entity(EntityType.PERSON, 10, 22, "Burkina Faso", 0.35, "test");
    Entity jordan = new Entity(EntityType.PERSON, 0, 6, "Jordan", 0.9, "test");
    Entity michael = new Entity(EntityType.PERSON, 0, 14, "Michael Jordan", 0.9, "test");

    assertThat(countries.resolve(burkina)).extracting(Entity::type, Entity::normalizedValue)
        .containsExactly(EntityType.COUNTRY, Optional.of("BF"));
    assertThat(countries.resolve(jordan)).isEqualTo(jordan);
    assertThat(countries.resolve(michael)).isEqualTo(michael);
  }

  @Test
  void namesOfCodes() {
    assertThat(countries.nameOf("bf")).contains("Burkina Faso");
    assertThat(countries.nameOf("ZZ")).isEmpty();
  }

  @Test
  void malformedTableIsRejectedWithItsSourceAndLine() {
    byte[] table = "# comment\nBF\tBurkina Faso\nnot a line\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CountryResolver.fromTable(new ByteArrayInputStream(table), "mine.tsv"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("mine.tsv:3");
  }

  @Test
  void aNameClaimedByTwoCountriesIsRejected() {
    byte[] table = "AA\tAlpha\tShared\nBB\tBeta\tshared\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CountryResolver.fromTable(new ByteArrayInputStream(table), "dup.tsv"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("names both AA and BB");
  }
}
