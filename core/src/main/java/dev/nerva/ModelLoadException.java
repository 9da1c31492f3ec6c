package dev.nerva;

/**
 * A model could not be loaded: the file or classpath resource is missing, unreadable or not a
 * model of the expected kind. The message names the file or resource.
 */
public final class ModelLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the model's source. */
  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception with a message that names the model's source. */
  public ModelLoadException(String message) {
    super(message);
  }
}
