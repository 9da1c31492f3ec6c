package dev.nerva.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A small annotated corpus with an invented label, PRODUCT, written for the tests: sentences from
 * templates about gadgets with made-up names, each with character offsets. Held-out sentences use
 * product names never seen in training.
 */
final class ProductFixture {

  static final String[] TRAIN_PRODUCTS = {"Zentrix 400", "Mellow Pro", "Quartzel X2", "Bramble Air", "Torvik One",
      "Lumaro S", "Veltra 9", "Orbisync", "Pallix Mini", "Corvanta Max", "Nimbella", "Fjordlet 3"};
  private static final String[] TEMPLATES = {
      "Reviewers praised the new %s for its battery life .",
      "She bought a %s last week and returned it .",
      "The %s costs less than its rivals .",
      "Sales of the %s doubled in the third quarter .",
      "Engineers in Oslo designed the %s from scratch .",
      "Many customers prefer the %s to older models .",
      "The company will ship the %s to stores in Canada .",
      "A firmware update for the %s fixed the screen ."};

  private ProductFixture() {}

  /**
   * {@code count} JSON Lines of training data, seeded: the named products and as many more made
   * up from syllables, so that the model learns the contexts rather than a list of names.
   */
  static List<String> trainJsonl(int count) {
    Random random = new Random(7);
    String[] products = new String[count];
    for (int i = 0; i < count; i++) {
      products[i] = i < TRAIN_PRODUCTS.length ? TRAIN_PRODUCTS[i] : madeUp(random);
    }
    return jsonl(count, products, random);
  }

  private static final String[] SYLLABLES = {"zen", "tor", "mel", "quar", "bram", "lu", "vel", "or", "pal", "cor",
      "nim", "fjor", "ka", "ri", "tho", "sel", "dra", "vin", "ox", "ta"};
  private static final String[] SUFFIXES = {"", "", " Pro", " Max", " Mini", " 2", " 400", " X", " Air", " S"};

  private static String madeUp(Random random) {
    String name = SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)]
        + (random.nextBoolean() ? SYLLABLES[random.nextInt(SYLLABLES.length)] : "");
    return Character.toUpperCase(name.charAt(0)) + name.substring(1) + SUFFIXES[random.nextInt(SUFFIXES.length)];
  }

  /** Held-out JSON Lines: product names made up the same way, none of them seen in training. */
  static List<String> heldOutJsonl(int count, List<String> training) {
    Random random = new Random(11);
    String[] products = new String[count];
    for (int i = 0; i < count; i++) {
      String name;
      do {
        name = madeUp(random);
      } while (String.join("\n", training).contains("\"" + name) || String.join("\n", training).contains(" " + name + " "));
      products[i] = name;
    }
    return jsonl(count, products, random);
  }

  private static List<String> jsonl(int count, String[] products, Random random) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String product = products[i % products.length];
      String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
      String text = String.format(Locale.ROOT, template, product).replace(" .", ".");
      int start = text.indexOf(product);
      lines.add(String.format(Locale.ROOT,
          "{\"id\": \"s%d\", \"text\": \"%s\", \"spans\": [{\"start\": %d, \"end\": %d, \"label\": \"PRODUCT\"}]}",
          i, text, start, start + product.length()));
    }
    return lines;
  }
}
