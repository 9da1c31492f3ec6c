package dev.nerva.internal;

import com.google.common.base.Preconditions;
import java.lang.ref.SoftReference;
import java.util.function.Supplier;

/**
 * A resource loaded once per JVM and shared by everything that asks for it while any of them
 * holds it: models take seconds and hundreds of megabytes, so every pipeline of a JVM uses the
 * same copy. Held softly, so that a JVM that has dropped every pipeline gets the memory back when
 * it needs it, and a later request loads the resource again. A failed load is not remembered: the
 * next request tries again and reports the failure again. Thread-safe: concurrent first requests
 * load once.
 *
 * @param <T> the resource's type; it must be immutable or otherwise safe to share
 */
public final class Shared<T> implements Supplier<T> {

  private final Supplier<T> loader;
  private SoftReference<T> loaded = new SoftReference<>(null);

  private Shared(Supplier<T> loader) {
    this.loader = Preconditions.checkNotNull(loader, "loader");
  }

  /** A shared resource that {@code loader} loads on the first request. */
  public static <T> Shared<T> of(Supplier<T> loader) {
    return new Shared<>(loader);
  }

  /**
   * The resource, loaded now if nobody holds it.
   *
   * @throws RuntimeException whatever the loader throws, such as {@code ModelLoadException}
   */
  @Override
  public synchronized T get() {
    T resource = loaded.get();
    if (resource == null) {
      resource = Preconditions.checkNotNull(loader.get(), "loader returned null");
      loaded = new SoftReference<>(resource);
    }
    return resource;
  }
}
