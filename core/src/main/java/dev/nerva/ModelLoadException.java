package dev.nerva;

/**
 * A model could not be loaded: the file or classpath resource is missing, unreadable or not a
 * model of the expected kind. The message names the file or resource.
 */
public final class ModelLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the model's file or resource
   * @param cause the underlying failure
   */
  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the model's file or resource
   */
  public ModelLoadException(String message) {
    super(message);
  }
}
