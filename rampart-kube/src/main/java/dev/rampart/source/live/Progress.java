package dev.rampart.source.live;

/** Told as the live source reads, so that a long scan can show how far it got. */
@FunctionalInterface
public interface Progress {

  /**
   * One list, or one kubelet's configuration, is read.
   *
   * @param what e.g. {@code pods}
   * @param done how many reads are finished
   * @param total how many reads are known so far (it grows once CRDs and nodes are known)
   * @param objects how many objects were read so far
   */
  void read(String what, int done, int total, int objects);

  Progress NONE = (what, done, total, objects) -> {};
}
