package dev.nerva.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines for the JSON Lines mode so that line N of the input is always line N of the
 * output: lines end at '\n' only (a trailing '\r' is dropped, a lone '\r' inside a line stays), a
 * byte-order mark before the first line is skipped, a line that is not valid UTF-8 or longer than
 * the limit comes back with its error and the next line is read normally, and no more than the
 * limit is ever held in memory for one line. Not thread-safe.
 */
final class LineReader {

  /**
   * One line: its number from 1, and its text or the reason it has none.
   *
   * @param number the line number, from 1
   * @param text the decoded line, or null if it could not be read
   * @param error why the line could not be read, or null
   * @param prefix for a line over the limit, its first bytes decoded leniently (to find its id)
   */
  record Line(long number, String text, String error, String prefix) {}

  /** The longest prefix of an over-long line kept to find its id. */
  private static final int PREFIX_BYTES = 64 * 1024;

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private long number;
  private boolean ended;

  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line, or null at the end of the input. */
  Line next() throws IOException {
    if (ended) {
      return null;
    }
    byte[] line = new byte[256];
    int length = 0;
    long total = 0;
    boolean sawByte = false;
    while (true) {
      if (position == limit && !fill()) {
        ended = true;
        if (!sawByte) {
          return null; // the input ended with '\n' (or is empty): no further line
        }
        break;
      }
      sawByte = true;
      byte b = buffer[position++];
      if (b == '\n') {
        break;
      }
      total++;
      if (length < maxBytes) { // past the limit only the count goes on: memory stays bounded
        if (length == line.length) {
          line = Arrays.copyOf(line, (int) Math.min(line.length * 2L, maxBytes));
        }
        line[length++] = b;
      }
    }
    number++;
    int start = number == 1 && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
        && (line[2] & 0xFF) == 0xBF ? 3 : 0; // a byte-order mark is not part of the first line
    if (total > maxBytes) {
      String prefix = new String(line, start, Math.min(length, PREFIX_BYTES) - start, StandardCharsets.UTF_8);
      return new Line(number, null, "line has " + total + " bytes, more than the limit of " + maxBytes
          + " (--max-line-bytes)", prefix);
    }
    int end = length > start && line[length - 1] == '\r' ? length - 1 : length;
    return decode(line, start, end);
  }

  private Line decode(byte[] bytes, int start, int end) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, start, end - start);
    CharBuffer output = CharBuffer.allocate(end - start);
    CoderResult result = decoder.decode(input, output, true);
    if (result.isError()) {
      return new Line(number, null, "not valid UTF-8 at byte " + (input.position() - start) + " of the line", null);
    }
    decoder.flush(output);
    output.flip();
    return new Line(number, output.toString(), null, null);
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer);
    while (read == 0) {
      read = in.read(buffer);
    }
    position = 0;
    limit = Math.max(read, 0);
    return read > 0;
  }
}
