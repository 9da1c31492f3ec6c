package dev.nerva.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * A copy of a name finder model with manifest properties or its classifier replaced: OpenNLP's
 * {@code BaseModel} lets only subclasses change either. The copy serializes like any model and
 * loads as a plain {@link TokenNameFinderModel}.
 */
final class EditedModel extends TokenNameFinderModel {

  /** The artifact under which a name finder model stores its classifier. */
  static final String CLASSIFIER_ARTIFACT = "nameFinder.model";

  private EditedModel(byte[] serialized) throws IOException {
    super(new ByteArrayInputStream(serialized));
  }

  static EditedModel copyOf(TokenNameFinderModel model) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.serialize(bytes);
    return new EditedModel(bytes.toByteArray());
  }

  EditedModel withProperty(String key, String value) {
    setManifestProperty(key, value);
    return this;
  }

  EditedModel withClassifier(MaxentModel classifier) {
    artifactMap.put(CLASSIFIER_ARTIFACT, classifier);
    return this;
  }
}
