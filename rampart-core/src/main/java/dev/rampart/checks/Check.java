package dev.rampart.checks;

import dev.rampart.snapshot.Snapshot;

/**
 * One check: a pure function of the snapshot that reports, for every object it applies to, a pass,
 * a fail, "not applicable" or "not evaluated". A check never does I/O.
 *
 * <p>Every implementation carries {@link CheckInfo} and is listed in {@link BuiltInChecks}.
 */
public interface Check {

  void run(Snapshot snapshot, CheckContext context, Results results);

  default CheckDescriptor descriptor() {
    return CheckDescriptor.of(getClass());
  }
}
