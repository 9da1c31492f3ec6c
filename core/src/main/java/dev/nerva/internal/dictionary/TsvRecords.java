package dev.nerva.internal.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * The line format shared by users' dictionary and exclusion files: UTF-8, one record per line,
 * fields separated by tabs, an optional byte-order mark, blank lines and lines starting with '#'
 * skipped. A malformed record is an {@link IllegalArgumentException} naming the source and line.
 */
public final class TsvRecords {

  private TsvRecords() {}

  /**
   * Hands each record's fields to {@code record}; an {@link IllegalArgumentException} it throws
   * comes back with the source and line number in front of its message.
   *
   * @param reader the lines; not closed
   * @param source what to call the input in error messages (usually the file name)
   * @param maxFields the most fields a record may have
   * @param record receives each record's fields (at least one)
   * @throws IOException if the reader fails
   * @throws IllegalArgumentException naming the source and line if a record is malformed
   */
  public static void read(Reader reader, String source, int maxFields, Consumer<String[]> record) throws IOException {
    BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      try {
        if (fields.length > maxFields) {
          throw new IllegalArgumentException(
              "more than " + (maxFields == 2 ? "two" : maxFields == 3 ? "three" : maxFields) + " tab-separated fields");
        }
        record.accept(fields);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage(), e);
      }
    }
  }
}
