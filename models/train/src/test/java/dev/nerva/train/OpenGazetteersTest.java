package dev.nerva.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers behind the 'gazetteers' command, on small inputs written here in each format. */
class OpenGazetteersTest {

  @Test
  void efrtUnpacksPlainListsRelativeReferencesSymbolsAndWordEndsInsideNodes() {
    assertThat(Efrt.unpack("bests,sounds")).containsExactly("bests", "sounds");
    // compromise's "Negative" list: n -> ever | o -> (n, t)
    assertThat(Efrt.unpack("n0;ever,o0;n,t")).containsExactly("never", "non", "not");
    // a symbol line: reference 0 means node 2 for every edge that uses it
    assertThat(Efrt.unpack("0:2;a0b0;x;y")).containsExactly("ay", "by");
    // '!' marks the path so far as a word of its own
    assertThat(Efrt.unpack("a0;!b")).containsExactly("a", "ab");
  }

  @Test
  void efrtNumbersEachCodeLengthAsABlockOfItsOwn() {
    assertThat(Efrt.fromAlphaCode("9")).isEqualTo(9);
    assertThat(Efrt.fromAlphaCode("Z")).isEqualTo(35);
    assertThat(Efrt.fromAlphaCode("00")).isEqualTo(36);
    assertThat(Efrt.fromAlphaCode("10")).isEqualTo(72);
  }

  @Test
  void efrtRejectsAReferenceOutOfRange() {
    assertThatIllegalArgumentException().isThrownBy(() -> Efrt.unpack("a5;b"));
  }

  @Test
  void compromiseLexiconIsReadByTag() {
    String module = "export default {\n  \"LastName\": \"true¦adams,b0;ell,rown\",\n  \"Negative\": \"true¦n0;ever,o0;n,t\",\n}";
    Map<String, Collection<String>> lexicon = OpenGazetteers.compromiseLexicon(module);
    assertThat(lexicon.get("LastName")).containsExactly("adams", "bell", "brown");
    assertThat(lexicon.get("Negative")).containsExactly("never", "non", "not");
    assertThatIllegalArgumentException().isThrownBy(() -> OpenGazetteers.compromiseLexicon("export default {}"));
  }

  @Test
  void wordNetGivesTheNamedInstancesOfEachLexicographerFile() {
    String dataNoun = String.join("\n",
        "  1 This software and database is being provided to you, the LICENSEE, by  ",
        "09509769 18 n 02 Alcyone 0 Halcyon 0 002 @i 09507794 n 0000 ;c 07995848 n 0000 | a woman",
        "09700000 18 n 01 American 0 001 @ 09686541 n 0000 | a native of America",
        "08027096 14 n 01 Abu_Hafs_al-Masri_Brigades 0 001 @i 08409094 n 0000 | a terrorist group",
        "08700000 15 n 02 Golden_Gate_Bridge 0 A_horizon 0 001 @i 08409094 n 0000 | a bridge",
        "");
    Map<Integer, Set<String>> byFile = OpenGazetteers.wordNetProperNouns(dataNoun);
    assertThat(byFile.get(18)).containsExactlyInAnyOrder("Alcyone", "Halcyon");
    assertThat(byFile.get(14)).containsExactly("Abu Hafs al-Masri Brigades");
    assertThat(byFile.get(15)).containsExactly("Golden Gate Bridge");
  }

  @Test
  void citiesAreReadFromTheProtobufStreamAboveThePopulationFloor() throws IOException {
    ByteArrayOutputStream pbf = new ByteArrayOutputStream();
    city(pbf, "Zürich", "Zurich", 400_000);
    city(pbf, "Hamlet", "", 200);
    city(pbf, "Oslo", "Oslo", 700_000);
    assertThat(OpenGazetteers.cities(pbf.toByteArray(), 15_000)).containsExactly("Zürich", "Zurich", "Oslo");
    assertThat(OpenGazetteers.cities(pbf.toByteArray(), 100)).contains("Hamlet");
  }

  private static void city(ByteArrayOutputStream out, String name, String ascii, int population) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    message.write(1 << 3); // field 1, varint: the id
    varint(message, 42);
    string(message, 2, name);
    string(message, 4, ascii);
    message.write(9 << 3);
    varint(message, population);
    message.write(10 << 3); // field 10, zig-zag longitude
    varint(message, 3);
    varint(out, message.size());
    message.writeTo(out);
  }

  private static void string(ByteArrayOutputStream out, int field, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.write(field << 3 | 2);
    varint(out, bytes.length);
    out.write(bytes);
  }

  private static void varint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7fL) != 0) {
      out.write((int) (value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
  }

  @Test
  void namesAreCapitalisedWordsWithoutDigitsOrCodes() {
    assertThat(OpenGazetteers.isName("Bank of England")).isTrue();
    assertThat(OpenGazetteers.isName("Kōbe")).isTrue();
    assertThat(OpenGazetteers.isName("A horizon")).isFalse();
    assertThat(OpenGazetteers.isName("AK")).isFalse();
    assertThat(OpenGazetteers.isName("District 9")).isFalse();
    assertThat(OpenGazetteers.isName("One Two Three Four Five Six")).isFalse();
  }

  @Test
  void lowerCaseLexiconNamesAreWrittenAsNames() {
    assertThat(OpenGazetteers.titleCase("bank of america")).isEqualTo("Bank of America");
    assertThat(OpenGazetteers.titleCase("o'brien")).isEqualTo("O'Brien");
    assertThat(OpenGazetteers.titleCase("anheuser-busch")).isEqualTo("Anheuser-Busch");
    assertThat(OpenGazetteers.casings("aig")).containsExactly("Aig", "AIG");
    assertThat(OpenGazetteers.casings("ac/dc")).containsExactly("Ac/dc", "AC/DC");
    assertThat(OpenGazetteers.casings("general motors")).containsExactly("General Motors");
  }

  @Test
  void usuallyLowerCaseWordsComeFromTheCasingLexicon(@TempDir Path dir) throws IOException {
    Path lexicon = dir.resolve("casing.txt");
    Files.writeString(lexicon, "# comment\nmobile\nReading\nNew York\nreading\n");
    assertThat(OpenGazetteers.lowerCaseWords(lexicon)).containsExactlyInAnyOrder("mobile", "reading");
  }

  @Test
  void aDownloadWithTheWrongDigestIsRefused(@TempDir Path cache) throws Exception {
    OpenGazetteers.Source source = new OpenGazetteers.Source("left-pad", "1.3.0", "00".repeat(32));
    Files.writeString(cache.resolve("left-pad-1.3.0.tgz"), "not the package");
    assertThatThrownBy(() -> OpenGazetteers.fetch(source, cache))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("SHA-256")
        .hasMessageContaining("delete it to download again");
  }
}
