package dev.nerva.ner.features;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/** Feature generators built from a descriptor through OpenNLP's reader, as models build them. */
final class DescriptorFeatures {

  private DescriptorFeatures() {}

  /** The generators of {@code descriptor}, with {@code resources} as the model's artefacts. */
  static AdaptiveFeatureGenerator generator(String descriptor, Map<String, ?> resources) throws IOException {
    try (InputStream in = new ByteArrayInputStream(descriptor.getBytes(StandardCharsets.UTF_8))) {
      return GeneratorFactory.create(in, resources::get);
    }
  }

  /** Each token's features from {@code generator}, asked for in order as a name finder does. */
  static List<List<String>> of(AdaptiveFeatureGenerator generator, String[] tokens) {
    List<List<String>> features = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      List<String> token = new ArrayList<>();
      generator.createFeatures(token, tokens, i, null);
      features.add(token);
    }
    return features;
  }
}
