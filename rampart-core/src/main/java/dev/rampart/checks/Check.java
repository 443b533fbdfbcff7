package dev.rampart.checks;

import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workloads;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

  /** What {@link #requires()} returns for a check that reads every object, whatever its kind. */
  Set<String> EVERY_KIND = Set.of("*");

  /**
   * The kinds this check reads. When the source could not read one of them (a 403, an API the
   * server does not serve), the check is reported not evaluated with the source's reason, beside
   * whatever it could evaluate. Default: the kinds that run pods.
   */
  default Set<String> requires() {
    return Workloads.KINDS;
  }

  /** The kinds that run pods and {@code others}: for checks of workloads that look further. */
  static Set<String> workloadsAnd(String... others) {
    Set<String> all = new HashSet<>(Workloads.KINDS);
    all.addAll(List.of(others));
    return Set.copyOf(all);
  }
}
