package dev.rampart.report;

/**
 * How a report splits its findings across cores ({@link ChunkedArray}).
 *
 * @param chunk how many values one worker encodes at a time
 * @param threads how many workers; below two, everything stays on the calling thread
 * @param inFlight how many encoded chunks may wait for the writer: this bounds the memory
 */
record Parallelism(int chunk, int threads, int inFlight) {

  /** A few hundred findings: about half a megabyte, large enough that a hand-off costs nothing. */
  static final int CHUNK = 256;

  static final Parallelism SEQUENTIAL = new Parallelism(CHUNK, 1, 1);

  Parallelism {
    if (chunk < 1 || threads < 1 || inFlight < 1) {
      throw new IllegalArgumentException(
          "chunk, threads and inFlight must be positive: "
              + chunk
              + ", "
              + threads
              + ", "
              + inFlight);
    }
  }

  /**
   * Every core, with two chunks in flight per core: one being encoded, one waiting to be written.
   */
  static Parallelism ofMachine() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new Parallelism(CHUNK, cores, 2 * cores);
  }

  /** Splitting pays only when there are at least two chunks and two cores to share them. */
  boolean pays(int values) {
    return threads > 1 && values >= 2 * chunk;
  }
}
