package dev.rampart.source.file;

import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's character source, with a buffer that grows by doubling.
 *
 * <p>SnakeYAML's own {@link StreamReader} copies its whole unread window each time it reads 1024
 * more characters. The scanner reads a token to its end before consuming it, so one long token (a
 * base64 value on one line, as {@code kubectl get secret -o yaml} prints it) takes time in the
 * square of its length: 4 MB took 8 seconds, 16 MB minutes (see FasterXML/jackson-dataformats-text
 * issue 67). Here the window doubles when it must grow, which makes reading linear.
 *
 * <p>Every public method of {@link StreamReader} is overridden; the superclass's own state stays
 * empty and unused. {@code LinearStreamReaderTest} fails if a SnakeYAML upgrade adds one.
 */
final class LinearStreamReader extends StreamReader {

  /** The name SnakeYAML gives a reader in its marks. */
  private static final String NAME = "'reader'";

  /** As SnakeYAML's: a parser is made for every document, and most documents are small. */
  private static final int CHUNK = 1024;

  private final Reader in;
  private final char[] chunk = new char[CHUNK + 1];

  /** Code points read and not yet consumed: {@code window[pointer..length)}. */
  private int[] window = new int[CHUNK];

  private int length;
  private int pointer;
  private boolean eof;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  LinearStreamReader(Reader in) {
    super(in);
    this.in = in;
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, index, line, column, window, pointer);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int n) {
    for (int i = 0; i < n && loaded(0); i++) {
      int c = window[pointer++];
      index++;
      documentIndex++;
      if (c >= ' ' && c < 0x7F) {
        column++; // the common case: printable ASCII, no line break
      } else if (Constant.LINEBR.has(c) || (c == '\r' && loaded(0) && window[pointer] != '\n')) {
        line++;
        column = 0;
      } else if (c != '\uFEFF') {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return peek(0);
  }

  @Override
  public int peek(int ahead) {
    int at = pointer + ahead;
    if (at < length) {
      return window[at];
    }
    return loaded(ahead) ? window[pointer + ahead] : 0;
  }

  @Override
  public String prefix(int n) {
    if (n == 0) {
      return "";
    }
    // Load first: loading may move the window.
    int available = loaded(n) ? n : Math.min(n, length - pointer);
    return new String(window, pointer, available);
  }

  /** Consumes {@code n} characters that the scanner knows hold no line break. */
  @Override
  public String prefixForward(int n) {
    String prefix = prefix(n);
    pointer += n;
    index += n;
    documentIndex += n;
    column += n;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }

  /** Whether the code point {@code ahead} of the pointer is read, reading more when needed. */
  private boolean loaded(int ahead) {
    while (!eof && pointer + ahead >= length) {
      read();
    }
    return pointer + ahead < length;
  }

  private void read() {
    int n;
    try {
      n = in.read(chunk, 0, CHUNK);
      if (n > 0 && Character.isHighSurrogate(chunk[n - 1]) && in.read(chunk, n, 1) == 1) {
        n++;
      }
    } catch (IOException e) {
      throw new YAMLException(e);
    }
    if (n <= 0) {
      eof = true;
      return;
    }
    makeRoom(n);
    for (int i = 0; i < n; ) {
      char ch = chunk[i];
      if (ch >= ' ' && ch < 0x7F) {
        // Printable ASCII, most of any manifest: no surrogate to pair, nothing to refuse.
        window[length++] = ch;
        i++;
        continue;
      }
      int c = Character.codePointAt(chunk, i, n);
      if (!isPrintable(c)) {
        throw new ReaderException(
            NAME, index + length - pointer, c, "special characters are not allowed");
      }
      window[length++] = c;
      i += Character.charCount(c);
    }
  }

  /**
   * Drops what was consumed and makes room for {@code n} more code points. The unread part moves
   * into a new array (marks keep the old one) at least twice its size, so that each code point is
   * copied a bounded number of times however long the token it belongs to.
   */
  private void makeRoom(int n) {
    if (length + n <= window.length) {
      return;
    }
    int unread = length - pointer;
    int[] next = new int[Math.max(window.length, 2 * unread + n)];
    System.arraycopy(window, pointer, next, 0, unread);
    window = next;
    pointer = 0;
    length = unread;
  }
}
