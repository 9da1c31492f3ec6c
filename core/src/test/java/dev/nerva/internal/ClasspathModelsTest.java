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

  @Test
  void aResourceIsCheckedAgainstTheListInItsFolder() {
    String table = ClasspathModels.load("/checksummed/good.txt", "x",
        in -> new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(table).isEqualTo("a table\nof two lines\n");
  }

  @Test
  void aResourceThatDiffersFromItsListedChecksumIsDamaged() {
    assertThatThrownBy(() -> ClasspathModels.load("/checksummed/altered.txt", "org.example:tables", in -> in.read()))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("/checksummed/altered.txt")
        .hasMessageContaining("damaged")
        .hasMessageContaining("reinstall org.example:tables");
  }

  @Test
  void aResourceMissingFromTheListIsRefused() {
    assertThatThrownBy(() -> ClasspathModels.load("/checksummed/unlisted.txt", "x", in -> in.read()))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("/checksummed/unlisted.txt is not listed");
  }

  @Test
  void bytesAfterTheReadersLastReadAreCheckedToo() {
    // The reader stops after one byte and closes the stream; the rest still counts.
    Integer first = ClasspathModels.load("/checksummed/good.txt", "x", in -> {
      int read = in.read();
      in.close();
      return read;
    });
    assertThat(first).isEqualTo((int) 'a');
  }
}
