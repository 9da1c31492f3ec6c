package dev.nerva.internal;

import com.google.common.base.Preconditions;
import dev.nerva.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Loads a model or table that ships inside a jar, with errors that say what to add or what is
 * broken. Stateless and thread-safe.
 */
public final class ClasspathModels {

  /** Reads a model from an open stream; the stream is closed by the caller. */
  @FunctionalInterface
  public interface Reader<T> {
    /** Reads the model. */
    T read(InputStream in) throws IOException;
  }

  private ClasspathModels() {}

  /**
   * Reads the classpath resource {@code resource} with {@code reader}.
   *
   * @param artifact the Maven coordinates that ship the resource, named when it is missing
   * @throws ModelLoadException naming the resource if it is missing, unreadable or corrupt
   */
  public static <T> T load(String resource, String artifact, Reader<T> reader) {
    Preconditions.checkNotNull(resource, "resource");
    Preconditions.checkNotNull(reader, "reader");
    // Through the class loader, not Class.getResourceAsStream: on the module path the latter sees
    // only this module's resources, and the models live in another jar.
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = ClasspathModels.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new ModelLoadException(resource + " is not on the classpath: add the dependency " + artifact);
      }
      return reader.read(in);
    } catch (ModelLoadException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException("cannot read " + resource + ", corrupt or not the expected kind of model: " + e, e);
    }
  }
}
