package dev.rampart.source.file;

import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.nio.charset.MalformedInputException;

/**
 * Splits a text stream into YAML documents and hands out one at a time as a {@link Reader}, which
 * ends at the next document marker ({@code ---} or {@code ...} at the start of a line). Each
 * document gets a fresh parser, so a malformed one cannot take the following ones down with it.
 *
 * <p>It works on characters, never on whole lines, so that a huge single-line document (minified
 * JSON) costs no more memory than the parser's own buffer. On the way it counts lines, charges
 * every character to the budget of the object being read, stops at characters that are not text,
 * and remembers Helm's {@code # Source:} comment.
 */
final class DocumentReader extends Reader implements DocumentText {

  private static final String HELM_SOURCE = "# Source: ";
  private static final int MAX_COMMENT = 4096;

  private final Reader in;
  private final int maxObjectChars;
  private final char[] buf = new char[65536];
  private int pos;
  private int limit;
  private boolean eof;
  private IOException failure;

  /** Bytes that are not valid text follow the last buffered character. */
  private boolean malformedNext;

  /** The line of {@code buf[pos]}, counting {@code \n}, {@code \r\n} and a lone {@code \r}. */
  private int line = 1;

  private boolean lineStart = true;
  private boolean afterCr;

  private boolean started;
  private boolean ended;
  private boolean endedByMarker;
  private boolean endedByDashes;
  private boolean explicitStart;
  private int firstLine;
  private int blankedMarker;
  private boolean hasContent;
  private String helmSource;
  private long budget;

  /** Off while a document is read ahead: its characters are charged when they are parsed. */
  private boolean charging = true;

  DocumentReader(Reader in, int maxObjectChars) {
    this.in = in;
    this.maxObjectChars = maxObjectChars;
  }

  /**
   * Moves to the next document, skipping what is left of the current one.
   *
   * @return false at the end of the stream
   */
  boolean next() throws IOException {
    boolean afterMarker = started;
    if (started) {
      skipRest();
      if (!endedByMarker) {
        return false;
      }
    }
    started = true;
    ended = false;
    endedByMarker = false;
    explicitStart = endedByDashes;
    endedByDashes = false;
    firstLine = line;
    // After a marker the rest of its line is the new document's ("--- |", "--- {a: 1}"); the
    // marker turns into spaces so that the parser's columns stay right.
    blankedMarker = afterMarker ? 3 : 0;
    hasContent = false;
    helmSource = null;
    startObject();
    return true;
  }

  /** Whether the document was opened by a {@code ---} marker (an empty one is still a document). */
  @Override
  public boolean explicitStart() {
    return explicitStart;
  }

  /** The line of the whole stream that line {@code n} (1-based) of this document is. */
  @Override
  public int absoluteLine(int n) {
    return firstLine + n - 1;
  }

  /** Helm's {@code # Source: chart/templates/x.yaml} comment in this document, or null. */
  @Override
  public String helmSource() {
    return helmSource;
  }

  /** Why the stream could not be read to its end, or null. */
  @Override
  public IOException failure() {
    return failure;
  }

  /** Starts charging characters to a new object. */
  @Override
  public void startObject() {
    budget = maxObjectChars;
  }

  /**
   * Whether the stream is JSON, as kubectl decides: its first non-blank character is an opening
   * brace. Call before the first document.
   */
  boolean looksLikeJson() throws IOException {
    int n = available(buf.length);
    for (int i = pos; i < pos + n; i++) {
      char c = buf[i];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return c == '{';
      }
    }
    return false;
  }

  @Override
  public int read(char[] out, int off, int len) throws IOException {
    int n = 0;
    while (n < len) {
      if (blankedMarker > 0) {
        out[off + n++] = ' ';
        blankedMarker--;
        continue;
      }
      if (ended || !startLineIfNeeded()) {
        break;
      }
      if (available(1) == 0) {
        if (malformedNext && n == 0) {
          malformedNext = false;
          throw new InputRejectedException("not valid UTF-8 text", line);
        }
        ended = !malformedNext;
        break;
      }
      if (isControl(buf[pos])) {
        if (n > 0) {
          break;
        }
        char c = buf[pos++];
        throw new InputRejectedException(
            String.format("control character U+%04X, not allowed in YAML or JSON text", (int) c),
            line);
      }
      n += copyLine(out, off + n, len - n);
    }
    if (n == 0 && len > 0) {
      return -1;
    }
    if (charging) {
      charge(n);
    }
    return n;
  }

  /** Charges {@code n} characters to the object being read. */
  void charge(int n) throws InputRejectedException {
    budget -= n;
    if (budget < 0) {
      throw InputRejectedException.tooLarge(maxObjectChars);
    }
  }

  /**
   * Reads up to {@code len} characters of the current document ahead into {@code into}, without
   * charging them: they are charged when parsed.
   *
   * @return the characters read; fewer than {@code len} means the document ended there
   * @throws IOException what the stream threw, right after the characters returned before
   */
  int readAhead(char[] into, int off, int len) throws IOException {
    charging = false;
    try {
      int total = 0;
      while (total < len) {
        int n = read(into, off + total, len - total);
        if (n < 0) {
          break;
        }
        total += n;
      }
      return total;
    } finally {
      charging = true;
    }
  }

  /** Copies characters up to the end of the line, the end of the buffer or a control character. */
  private int copyLine(char[] out, int off, int len) {
    int start = pos;
    int end = Math.min(limit, pos + len);
    while (pos < end) {
      char c = buf[pos];
      if (c >= ' ' || c == '\t') {
        afterCr = false;
        pos++;
      } else if (c == '\n') {
        line += afterCr ? 0 : 1;
        afterCr = false;
        lineStart = true;
        pos++;
        break;
      } else if (c == '\r') {
        line++;
        afterCr = true;
        lineStart = true;
        pos++;
        break;
      } else {
        break;
      }
    }
    System.arraycopy(buf, start, out, off, pos - start);
    return pos - start;
  }

  private static boolean isControl(char c) {
    return c < ' ' && c != '\t' && c != '\n' && c != '\r';
  }

  /**
   * Looks at the start of a line: a document marker ends the document.
   *
   * @return false when the document ended here
   */
  private boolean startLineIfNeeded() throws IOException {
    if (!lineStart) {
      return true;
    }
    lineStart = false;
    int n = available(4);
    if (isMarker(n)) {
      endedByDashes = buf[pos] == '-';
      pos += 3;
      ended = true;
      endedByMarker = true;
      return false;
    }
    if (n == 0) {
      return true;
    }
    char c = buf[pos];
    if (c == '%' && !hasContent) {
      // A directive (%YAML 1.2) belongs to the document that the next marker opens, which will
      // not see it; as a comment it keeps the line numbers right.
      buf[pos] = '#';
    } else if (c == '#') {
      if (helmSource == null) {
        helmSource = readHelmSource();
      }
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      hasContent = true;
    }
    return true;
  }

  private boolean isMarker(int n) {
    if (n < 3) {
      return false;
    }
    char c = buf[pos];
    if ((c != '-' && c != '.') || buf[pos + 1] != c || buf[pos + 2] != c) {
      return false;
    }
    if (n == 3) {
      return eof;
    }
    char next = buf[pos + 3];
    return next == ' ' || next == '\t' || next == '\n' || next == '\r';
  }

  /** The rest of a {@code # Source: } line at {@code pos}, or null when the line is not one. */
  private String readHelmSource() throws IOException {
    int n = available(MAX_COMMENT);
    int start = pos + HELM_SOURCE.length();
    if (n < HELM_SOURCE.length()
        || !HELM_SOURCE.contentEquals(CharBuffer.wrap(buf, pos, HELM_SOURCE.length()))) {
      return null;
    }
    int end = start;
    while (end < pos + n && buf[end] != '\n' && buf[end] != '\r') {
      end++;
    }
    if (end == pos + n && !eof) {
      return null; // longer than any template path
    }
    String source = new String(buf, start, end - start).trim();
    return source.isEmpty() ? null : source;
  }

  /** Skips what is left of the document; its problems, if any, were reported already. */
  private void skipRest() throws IOException {
    budget = Long.MAX_VALUE;
    blankedMarker = 0;
    char[] scratch = new char[8192];
    while (true) {
      try {
        if (read(scratch, 0, scratch.length) < 0) {
          return;
        }
      } catch (InputRejectedException e) {
        // One problem per document is enough.
      }
    }
  }

  /**
   * Makes up to {@code wanted} characters available from {@code pos}.
   *
   * @return how many are
   */
  private int available(int wanted) throws IOException {
    while (limit - pos < wanted && !eof && !malformedNext) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
      try {
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
          eof = true;
        } else {
          limit += n;
        }
      } catch (MalformedInputException e) {
        malformedNext = true;
      } catch (IOException e) {
        failure = e;
        eof = true;
        throw e;
      }
    }
    return Math.min(wanted, limit - pos);
  }

  @Override
  public void close() {
    // The stream goes on with the next document; its owner closes it.
  }
}
