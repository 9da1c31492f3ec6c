package dev.nerva.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nerva.ModelLoadException;
import opennlp.tools.sentdetect.SentenceModel;
import org.junit.jupiter.api.Test;

class ClasspathModelsTest {

  @Test
  void missingResourceNamesTheDependencyToAdd() {
    assertThatThrownBy(() -> ClasspathModels.load("/no/such/model.bin", "org.example:models", SentenceModel::new))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("/no/such/model.bin")
        .hasMessageContaining("org.example:models");
  }

  @Test
  void resourceThatIsNotAModelIsReportedByName() {
    assertThatThrownBy(() -> ClasspathModels.load("/dev/nerva/internal/country/countries.tsv", "x", SentenceModel::new))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("countries.tsv")
        .hasMessageContaining("corrupt");
  }

  @Test
  void readsAResourceThatIsThere() {
    byte[] table = ClasspathModels.load("/dev/nerva/internal/country/countries.tsv", "x", in -> in.readAllBytes());
    assertThat(table.length).isGreaterThan(1000);
  }
}
