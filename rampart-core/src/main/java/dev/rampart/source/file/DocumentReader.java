package dev.rampart.source.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A {@link Reader} over one YAML document of a multi-document stream: it ends at the next document
 * marker ({@code ---} or {@code ...} at the start of a line), so that a malformed document cannot
 * take the following ones down with it, and every document is parsed with a fresh parser. It also
 * counts characters against a budget (one object at a time) and remembers Helm's {@code # Source:}
 * comment.
 */
final class DocumentReader extends Reader {

  private static final String HELM_SOURCE = "# Source: ";

  private final BufferedReader lines;
  private final int firstLine;
  private final int budgetLimit;
  private String current;
  private int pos;
  private int linesRead;
  private long budget;
  private boolean ended;
  private boolean streamEnded;
  private boolean sawContent;
  private String helmSource;
  private String pending;

  /**
   * @param lines the underlying stream, positioned at the first line of the document
   * @param firstLine the 1-based line number of that line
   * @param pending the rest of a {@code ---} line that carried content, or null
   */
  DocumentReader(BufferedReader lines, int firstLine, String pending, int budgetLimit) {
    this.lines = lines;
    this.firstLine = firstLine;
    this.budgetLimit = budgetLimit;
    this.budget = budgetLimit;
    if (pending != null) {
      current = pending + "\n";
      linesRead = 1;
      sawContent = !pending.isBlank();
    }
  }

  /** The line of the whole stream that line {@code n} of this document is. */
  int absoluteLine(int n) {
    return firstLine + n - 1;
  }

  int firstLine() {
    return firstLine;
  }

  /** The line after the last one this document consumed (including its end marker). */
  int nextLine() {
    return firstLine + linesRead;
  }

  boolean streamEnded() {
    return streamEnded;
  }

  /** Whether the document had anything but blank lines and comments. */
  boolean sawContent() {
    return sawContent;
  }

  String helmSource() {
    return helmSource;
  }

  /** Starts counting a new object against the budget. */
  void resetBudget() {
    budget = budgetLimit;
  }

  /** Skips what is left of this document (after an error). */
  void drain() throws IOException {
    while (nextLineLoaded()) {
      current = null;
    }
  }

  /** Any text after an end marker line that started the next document ({@code --- key: v}). */
  String pendingForNext() {
    return pending;
  }

  private boolean nextLineLoaded() throws IOException {
    if (ended) {
      return false;
    }
    String line = lines.readLine();
    if (line == null) {
      ended = true;
      streamEnded = true;
      return false;
    }
    linesRead++;
    if (isMarker(line, "---")) {
      ended = true;
      String rest = line.substring(3);
      pending = rest.isBlank() ? null : "   " + rest;
      return false;
    }
    if (isMarker(line, "...")) {
      ended = true;
      return false;
    }
    if (helmSource == null && line.startsWith(HELM_SOURCE)) {
      helmSource = line.substring(HELM_SOURCE.length()).trim();
    }
    String trimmed = line.stripLeading();
    if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
      sawContent = true;
    }
    current = line + "\n";
    pos = 0;
    return true;
  }

  static boolean isMarker(String line, String marker) {
    return line.startsWith(marker)
        && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '\t');
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (current == null || pos >= current.length()) {
      current = null;
      if (!nextLineLoaded()) {
        return -1;
      }
    }
    int n = Math.min(len, current.length() - pos);
    budget -= n;
    if (budget < 0) {
      throw new ObjectTooLargeException(budgetLimit);
    }
    current.getChars(pos, pos + n, buf, off);
    pos += n;
    return n;
  }

  @Override
  public void close() {
    // The underlying stream belongs to the caller, which reads the next document from it.
  }
}
