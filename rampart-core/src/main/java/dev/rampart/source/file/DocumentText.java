package dev.rampart.source.file;

import java.io.IOException;

/**
 * What parsing one document needs to know of where its text comes from: the stream being read
 * ({@link DocumentReader}) or a document read ahead into memory ({@link BufferedDocument}).
 */
interface DocumentText {

  /** The line of the whole stream that line {@code n} (1-based) of this document is. */
  int absoluteLine(int n);

  /** Helm's {@code # Source: chart/templates/x.yaml} comment in this document, or null. */
  String helmSource();

  /** Starts charging characters to a new object. */
  void startObject();

  /** Why the stream could not be read to its end, or null. */
  IOException failure();

  /** Whether the document was opened by a {@code ---} marker (an empty one is still a document). */
  boolean explicitStart();
}
