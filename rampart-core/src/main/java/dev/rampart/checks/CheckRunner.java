package dev.rampart.checks;

import dev.rampart.snapshot.Gap;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import dev.rampart.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs checks over a snapshot and turns their verdicts into findings. */
public final class CheckRunner {

  private final List<Check> checks;
  private final String cluster;

  /**
   * @param checks the checks to run, with their effective metadata
   * @param cluster the cluster's name, part of every fingerprint
   */
  public CheckRunner(List<Check> checks, String cluster) {
    this.checks = List.copyOf(checks);
    this.cluster = cluster;
  }

  public CheckRun run(Snapshot snapshot, CheckContext context, SeverityOverrides overrides) {
    // Checks are independent pure functions of the snapshot, each with its own collector: they
    // run on every core, and their results are joined in catalog order, so the output does not
    // depend on the schedule. (The shared RBAC and network analyses are built under locks.)
    List<Collector> done =
        checks.parallelStream().map(check -> run(check, snapshot, context, overrides)).toList();
    List<Finding> findings = new ArrayList<>();
    List<CheckRun.Tally> tallies = new ArrayList<>();
    for (Collector collector : done) {
      findings.addAll(collector.findings);
      tallies.add(
          new CheckRun.Tally(
              collector.d.id(),
              collector.passed.size(),
              collector.failed.size(),
              collector.notApplicable,
              List.copyOf(collector.notEvaluated)));
    }
    return new CheckRun(findings, tallies);
  }

  private Collector run(
      Check check, Snapshot snapshot, CheckContext context, SeverityOverrides overrides) {
    CheckDescriptor d = overrides.apply(check.descriptor());
    Collector collector = new Collector(d);
    check.run(snapshot, context, collector);
    for (Gap gap : snapshot.gaps()) {
      if (reads(check, gap)) {
        collector.notEvaluated(gap.describe());
      }
    }
    return collector;
  }

  /** Whether {@code check} needs the kind {@code gap} says the source could not read. */
  private static boolean reads(Check check, Gap gap) {
    Set<String> kinds = check.requires();
    return kinds.contains(gap.kind()) || kinds.equals(Check.EVERY_KIND);
  }

  private final class Collector implements Results {
    private final CheckDescriptor d;
    private final List<Finding> findings = new ArrayList<>();
    // Counted, never listed: only their sizes reach the tallies.
    private final Set<KubeObject> passed = new HashSet<>();
    private final Set<KubeObject> failed = new HashSet<>();
    private final Set<String> notEvaluated = new LinkedHashSet<>();
    private int notApplicable;

    Collector(CheckDescriptor d) {
      this.d = d;
    }

    @Override
    public void pass(KubeObject object) {
      passed.add(object);
    }

    @Override
    public void fail(Violation v) {
      failed.add(v.object());
      findings.add(finding(d, v));
    }

    @Override
    public void notApplicable(KubeObject object, String reason) {
      notApplicable++;
    }

    @Override
    public void notEvaluated(String reason) {
      notEvaluated.add(reason);
    }
  }

  private Finding finding(CheckDescriptor d, Violation v) {
    KubeObject o = v.object();
    Origin origin = o.origin();
    Finding.Location location =
        origin.hasFile()
            ? new Finding.Location(
                origin.file(), origin.line(), origin.document(), origin.template())
            : null;
    return new Finding(
        Fingerprint.of(
            d.id(), cluster, o.kind(), o.namespace(), o.name(), v.container(), v.field()),
        d.id(),
        d.title(),
        d.severity(),
        d.category(),
        0,
        List.of(),
        new Finding.Resource(
            o.resource().getApiVersion(), o.kind(), o.namespace(), o.name(), v.container()),
        location,
        v.message(),
        new Finding.Evidence(v.field(), v.value()),
        d.frameworks(),
        new Finding.Remediation(d.remediation(), v.patch()));
  }
}
