package dev.nerva.internal.encoder;

import com.google.common.base.Suppliers;
import dev.nerva.ModelLoadException;
import dev.nerva.internal.ClasspathModels;
import dev.nerva.internal.ner.ContextualCoder;
import dev.nerva.internal.ner.PackedNameFinder;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Supplies the accurate English name finder to nerva-core (registered with {@link
 * java.util.ServiceLoader}): the encoder, the codebook and the two name finders trained on their
 * codes load once per JVM, on first use, and are shared by every pipeline.
 */
public final class EnglishAccurateProvider implements ContextualCoder.Provider {

  /** The classpath resource of the codebook. */
  public static final String CODEBOOK_RESOURCE = "/dev/nerva/models/en-accurate/codebook-en.bin";

  /** The classpath resource of the left-to-right name finder. */
  public static final String MODEL_RESOURCE = "/dev/nerva/models/en-accurate/ner-en-accurate.bin";

  /** The classpath resource of the right-to-left name finder. */
  public static final String BACKWARD_MODEL_RESOURCE = "/dev/nerva/models/en-accurate/ner-en-accurate-r2l.bin";

  static final String ARTIFACT = "dev.nerva:nerva-models-en-accurate";

  // One ONNX thread per call: a pipeline's own threads use the other cores.
  private static final Supplier<ContextualCoder> CODER = Suppliers.memoize(() -> {
    Codebook codebook = ClasspathModels.load(CODEBOOK_RESOURCE, ARTIFACT, Codebook::read);
    try {
      return new EncoderCoder(MiniLmEncoder.load(1), codebook);
    } catch (IOException e) {
      throw new ModelLoadException("the encoder of " + ARTIFACT + " did not load: " + e.getMessage(), e);
    }
  });

  // With a second core the right-to-left model loads while the left-to-right one does.
  private static final Supplier<PackedNameFinder[]> MODELS = Suppliers.memoize(() -> {
    CompletableFuture<PackedNameFinder> backward = Runtime.getRuntime().availableProcessors() > 1
        ? CompletableFuture.supplyAsync(() -> load(BACKWARD_MODEL_RESOURCE))
        : CompletableFuture.completedFuture(null);
    PackedNameFinder forward = load(MODEL_RESOURCE);
    try {
      PackedNameFinder other = backward.join();
      return new PackedNameFinder[] {forward, other != null ? other : load(BACKWARD_MODEL_RESOURCE)};
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  });

  private static PackedNameFinder load(String resource) {
    return ClasspathModels.load(resource, ARTIFACT, PackedNameFinder::read);
  }

  /** For {@link java.util.ServiceLoader}. */
  public EnglishAccurateProvider() {}

  @Override
  public ContextualCoder english() {
    return CODER.get();
  }

  @Override
  public PackedNameFinder[] englishModels() {
    return MODELS.get().clone();
  }
}
