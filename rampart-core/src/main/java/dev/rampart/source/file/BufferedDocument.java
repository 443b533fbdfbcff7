package dev.rampart.source.file;

import java.io.IOException;

/**
 * A whole document read ahead, to be parsed on another core. Only documents no longer than the size
 * limit of one object are read ahead, so no object in it can exceed the limit: there is nothing to
 * charge.
 */
record BufferedDocument(
    char[] text, int length, int firstLine, String helmSource, boolean explicitStart)
    implements DocumentText {

  @Override
  public int absoluteLine(int n) {
    return firstLine + n - 1;
  }

  @Override
  public void startObject() {
    // The whole document fits the limit of one object.
  }

  @Override
  public IOException failure() {
    return null;
  }
}
