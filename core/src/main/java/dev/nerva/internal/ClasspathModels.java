package dev.nerva.internal;

import com.google.common.base.Preconditions;
import dev.nerva.ModelLoadException;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CheckedInputStream;
import java.util.zip.CRC32C;

/**
 * Loads a model or table that ships inside a jar, checks that it arrived whole, and reports what
 * to add or what is broken. Every resource is verified against the size and CRC32C recorded when
 * it was built: the {@value #CHECKSUMS} file in its folder (written by the models command), or a
 * checksum the caller knows. A truncated or altered resource is a {@link ModelLoadException}
 * naming it, never a quietly different result. Stateless and thread-safe.
 */
public final class ClasspathModels {

  /** The file, in a resource's folder, that lists the folder's resources: name, bytes, CRC32C (hex). */
  public static final String CHECKSUMS = "CHECKSUMS";

  /** Reads a model from an open stream; the stream is closed by the caller. */
  @FunctionalInterface
  public interface Reader<T> {
    /** Reads the model. */
    T read(InputStream in) throws IOException;
  }

  /**
   * The size and CRC32C of a resource's bytes.
   *
   * @param bytes the length in bytes
   * @param crc32c the CRC32C of the bytes
   */
  public record Checksum(long bytes, long crc32c) {

    /** The checksum of a stream's remaining bytes; reads it to its end. */
    public static Checksum of(InputStream in) throws IOException {
      CheckedInputStream checked = new CheckedInputStream(in, new CRC32C());
      long bytes = checked.transferTo(OutputStream.nullOutputStream());
      return new Checksum(bytes, checked.getChecksum().getValue());
    }

    // Written out, as a record's would be: the generated ones are linked on first call, at start-up.
    @Override
    public boolean equals(Object other) {
      return other instanceof Checksum checksum && bytes == checksum.bytes && crc32c == checksum.crc32c;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(bytes) * 31 + Long.hashCode(crc32c);
    }

    /** The line of a {@value #CHECKSUMS} file for a resource of this checksum. */
    public String line(String name) {
      return name + "\t" + bytes + "\t" + String.format(Locale.ROOT, "%08x", crc32c);
    }
  }

  private ClasspathModels() {}

  /**
   * Reads the classpath resource {@code resource} with {@code reader} and verifies it against the
   * {@value #CHECKSUMS} file of its folder.
   *
   * @param resource the resource's absolute name, such as "/dev/nerva/models/en/ner-en.bin"
   * @param artifact the Maven coordinates that ship the resource, named when it is missing
   * @throws ModelLoadException naming the resource if it is missing, unlisted, damaged or corrupt
   */
  public static <T> T load(String resource, String artifact, Reader<T> reader) {
    Preconditions.checkNotNull(resource, "resource");
    ClassLoader loader = ClasspathModels.class.getClassLoader();
    if (loader.getResource(name(resource)) == null) {
      throw missing(resource, artifact);
    }
    return load(resource, artifact, listedChecksum(resource, artifact), reader);
  }

  /**
   * Reads the classpath resource {@code resource} with {@code reader} and verifies it against
   * {@code expected}.
   *
   * @throws ModelLoadException naming the resource if it is missing, damaged or corrupt
   */
  public static <T> T load(String resource, String artifact, Checksum expected, Reader<T> reader) {
    Preconditions.checkNotNull(resource, "resource");
    Preconditions.checkNotNull(expected, "expected");
    Preconditions.checkNotNull(reader, "reader");
    // Through the class loader, not Class.getResourceAsStream: on the module path the latter sees
    // only this module's resources, and the models live in another jar.
    try (InputStream in = ClasspathModels.class.getClassLoader().getResourceAsStream(name(resource))) {
      if (in == null) {
        throw missing(resource, artifact);
      }
      Verifying checked = new Verifying(in);
      T model;
      try {
        model = reader.read(checked);
      } catch (IOException | RuntimeException e) {
        throw new ModelLoadException("cannot read " + resource + " from " + artifact
            + ", corrupt or not the expected kind of model: " + e, e);
      }
      checked.transferTo(OutputStream.nullOutputStream()); // the reader may stop before the end
      Checksum actual = new Checksum(checked.bytes, checked.crc.getValue());
      if (!actual.equals(expected)) {
        throw new ModelLoadException(resource + " from " + artifact + " is damaged: " + actual.bytes()
            + " bytes with CRC32C " + Long.toHexString(actual.crc32c()) + " where " + expected.bytes()
            + " bytes with CRC32C " + Long.toHexString(expected.crc32c()) + " were built; reinstall " + artifact);
      }
      return model;
    } catch (IOException e) {
      throw new ModelLoadException("cannot read " + resource + " from " + artifact + ": " + e, e);
    }
  }

  /**
   * The checksum listed for {@code resource} in the {@value #CHECKSUMS} file of its folder.
   *
   * @throws ModelLoadException if there is no such file or line
   */
  public static Checksum listedChecksum(String resource, String artifact) {
    String name = name(resource);
    int slash = name.lastIndexOf('/');
    String list = (slash < 0 ? "" : name.substring(0, slash + 1)) + CHECKSUMS;
    String file = name.substring(slash + 1);
    try (InputStream in = ClasspathModels.class.getClassLoader().getResourceAsStream(list)) {
      if (in == null) {
        throw new ModelLoadException("/" + list + " is missing, so " + resource + " cannot be verified; reinstall "
            + artifact);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] fields = line.split("\t");
        if (fields.length == 3 && fields[0].equals(file)) {
          return new Checksum(Long.parseLong(fields[1]), Long.parseUnsignedLong(fields[2], 16));
        }
      }
      throw new ModelLoadException(resource + " is not listed in /" + list + "; reinstall " + artifact);
    } catch (IOException | NumberFormatException e) {
      throw new ModelLoadException("cannot read /" + list + " from " + artifact + ": " + e, e);
    }
  }

  /** Counts and checksums every byte that passes, skipped ones included; closed by its owner only. */
  private static final class Verifying extends FilterInputStream {
    final CRC32C crc = new CRC32C();
    long bytes;

    Verifying(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        crc.update(b);
        bytes++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        crc.update(buffer, offset, n);
        bytes += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[8192];
      long skipped = 0;
      while (skipped < n) {
        int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (read < 0) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    /** Readers close what they are given; the bytes after their last read must still be checked. */
    @Override
    public void close() {}
  }

  private static ModelLoadException missing(String resource, String artifact) {
    return new ModelLoadException(resource + " is not on the classpath: add the dependency " + artifact);
  }

  private static String name(String resource) {
    return resource.startsWith("/") ? resource.substring(1) : resource;
  }
}
