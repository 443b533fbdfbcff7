package dev.rampart.checks.version;

import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.Results;
import dev.rampart.snapshot.Snapshot;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/** A check that needs the version data; without it, it is not evaluated. */
abstract class VersionCheck implements Check {

  @Override
  public Set<String> requires() {
    return Check.workloadsAnd("Node");
  }

  static final String NO_DATA =
      "no version data loaded (bundled with Rampart; see rampart data show)";

  @Override
  public final void run(Snapshot snapshot, CheckContext context, Results results) {
    if (!context.versions().isLoaded()) {
      results.notEvaluated(NO_DATA);
      return;
    }
    run(snapshot, context.versions(), LocalDate.ofInstant(context.now(), ZoneOffset.UTC), results);
  }

  protected abstract void run(
      Snapshot snapshot, VersionData data, LocalDate today, Results results);

  /** "v1.29.3-eks-adc7111 is a vendor build ..." when the version carries a vendor suffix. */
  static String vendorNote(Version v) {
    return v.hasSuffix() && !v.suffix().matches("[-+.0-9]*")
        ? " ("
            + v.text()
            + " is a vendor build, which may carry fixes the upstream number does not show; check the vendor's bulletin)"
        : "";
  }
}
