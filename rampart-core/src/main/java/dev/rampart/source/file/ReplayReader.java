package dev.rampart.source.file;

import java.io.IOException;
import java.io.Reader;

/**
 * The start of a document that was read ahead and turned out too long (or broken) to parse apart,
 * followed by the rest of it from the stream: the parser sees the same characters, the same problem
 * at the same place, and each character is charged to the object being read when the parser reads
 * it, as if nothing had been read ahead.
 */
final class ReplayReader extends Reader {

  private final char[] prefix;
  private final int length;
  private final DocumentReader rest;
  private int pos;
  private IOException problem;

  /**
   * @param problem what reading the stream threw right after the prefix, thrown again there
   */
  ReplayReader(char[] prefix, int length, DocumentReader rest, IOException problem) {
    this.prefix = prefix;
    this.length = length;
    this.rest = rest;
    this.problem = problem;
  }

  @Override
  public int read(char[] out, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos < length) {
      int n = Math.min(len, length - pos);
      rest.charge(n);
      System.arraycopy(prefix, pos, out, off, n);
      pos += n;
      return n;
    }
    if (problem != null) {
      IOException p = problem;
      problem = null;
      throw p;
    }
    return rest.read(out, off, len);
  }

  @Override
  public void close() {
    // The stream goes on with the next document; its owner closes it.
  }
}
