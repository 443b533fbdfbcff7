package dev.rampart.checks.workload;

import dev.rampart.snapshot.Workload;

/** What the pod spec says about the operating system its containers run on. */
final class PodOs {

  private PodOs() {}

  static boolean isWindows(Workload w) {
    return w.spec().getOs() != null && "windows".equalsIgnoreCase(w.spec().getOs().getName());
  }
}
