package dev.rampart.rbac;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckRunner;
import dev.rampart.checks.SeverityOverrides;
import dev.rampart.snapshot.Snapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times the RBAC analysis of a synthetic cluster with 5 000 service accounts and 2 000 roles: the
 * index, the effective permissions of every service account, who-can, the escalation analysis and
 * every RBAC check. Not a unit test (no timed assertions): it runs only on request, with
 *
 * <pre>mvn -pl rampart-core test -Dgroups=bench -Dbench.excluded=none -Dtest=RbacBenchmark</pre>
 *
 * and prints one line per run, cold (the first, in a fresh JVM) and warm (the next ones); the CPU
 * time of the measuring thread shows the cost apart from other load on the machine.
 */
@Tag("bench")
class RbacBenchmark {

  private static final int SERVICE_ACCOUNTS = 5_000;
  private static final int ROLES = 2_000;
  private static final int WARM_RUNS = 5;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  @Test
  void effectivePermissionsOf5000ServiceAccountsAnd2000Roles() {
    Snapshot snapshot = SyntheticCluster.generate(SERVICE_ACCOUNTS, ROLES, 42);
    System.out.printf(
        Locale.ROOT,
        "synthetic cluster: %d objects (%s)%n",
        snapshot.objects().size(),
        snapshot.countByKind());
    for (int run = 0; run <= WARM_RUNS; run++) {
      // A fresh snapshot each run, so that nothing is cached between runs.
      Snapshot s = new Snapshot("synthetic", snapshot.objects(), List.of());
      long cpu0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Rbac rbac = Rbac.of(s);
      long t1 = System.nanoTime();
      long grants = 0;
      List<Subject> subjects = rbac.subjects();
      for (Subject subject : subjects) {
        if (subject.isServiceAccount()) {
          grants += rbac.grantsOf(subject).size();
        }
      }
      long t2 = System.nanoTime();
      long cpu2 = CPU.getCurrentThreadCpuTime();
      int whoCan =
          rbac.whoCan(ApiResources.request("get", "secrets", "ns-7", "")).size()
              + rbac.whoCan(ApiResources.request("create", "pods", Request.ANY_NAMESPACE, ""))
                  .size();
      long t3 = System.nanoTime();
      int admins = Escalations.of(rbac).all().size();
      long t4 = System.nanoTime();
      List<Check> rbacChecks =
          BuiltInChecks.all().stream()
              .filter(c -> c.descriptor().category() == Category.RBAC)
              .toList();
      int findings =
          new CheckRunner(rbacChecks, "bench")
              .run(s, CheckContext.defaults(), SeverityOverrides.NONE)
              .findings()
              .size();
      long t5 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "%s: index %d ms; effective permissions of %d subjects (%d grants) %d ms;"
              + " who-can x2 (%d grants) %d ms; escalation analysis (%d admins) %d ms;"
              + " index + permissions %d ms (%d ms CPU); all RBAC checks (%d findings) %d ms%n",
          run == 0 ? "cold" : "warm " + run,
          ms(t0, t1),
          subjects.size(),
          grants,
          ms(t1, t2),
          whoCan,
          ms(t2, t3),
          admins,
          ms(t3, t4),
          ms(t0, t2),
          ms(cpu0, cpu2),
          findings,
          ms(t4, t5));
    }
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
