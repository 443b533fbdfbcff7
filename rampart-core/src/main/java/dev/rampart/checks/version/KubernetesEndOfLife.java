package dev.rampart.checks.version;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.time.LocalDate;
import java.util.Optional;

@CheckInfo(
    id = "kubernetes-end-of-life",
    title = "Kubernetes version is past its end of life",
    severity = Severity.HIGH,
    category = Category.VULNERABILITY,
    frameworks = {"nsa-cisa:upgrading", "mitre:t1190"},
    why =
        """
        Upstream fixes each Kubernetes minor release for about 14 months. After that, \
        vulnerabilities found in the API server, kubelet and controllers are no longer fixed for \
        it: every new advisory is a permanent exposure.""",
    remediation =
        """
        Upgrade the control plane one minor version at a time to a supported release, then the \
        nodes. Managed services (EKS, GKE, AKS) may extend support for a fee; their own calendar \
        then applies.""",
    notes =
        """
        Judged against the scan date with the bundled version data (rampart data show), whose \
        end-of-life dates come from kubernetes.io/releases. The version is the API server's \
        /version on a live scan; from files, the kube-apiserver image tag or a control-plane node's \
        kubelet, as the finding says; otherwise not evaluated.""")
public final class KubernetesEndOfLife extends VersionCheck {

  @Override
  protected void run(Snapshot snapshot, VersionData data, LocalDate today, Results results) {
    Optional<ServerVersion> found = ServerVersion.of(snapshot);
    if (found.isEmpty()) {
      results.notEvaluated(ServerVersion.UNKNOWN);
      return;
    }
    ServerVersion server = found.get();
    Version v = server.version();
    Optional<KubernetesRelease> release = data.release(v);
    if (release.isPresent()) {
      KubernetesRelease r = release.get();
      if (r.isEndOfLife(today)) {
        results.fail(violation(server, endedMessage(v, r, server.evidence())));
      } else {
        results.pass(server.object());
      }
    } else if (data.olderThanAll(v)) {
      results.fail(
          violation(
              server,
              "Kubernetes "
                  + v.minorLine()
                  + " ("
                  + v.text()
                  + ", from "
                  + server.evidence()
                  + ") is older than every release in the version data: long past its end of life"));
    } else {
      results.notEvaluated(
          "Kubernetes "
              + v.minorLine()
              + " is not in the version data ("
              + data.describe()
              + "); update it with rampart data update --from FILE");
    }
  }

  static String endedMessage(Version v, KubernetesRelease r, String evidence) {
    return "Kubernetes "
        + v.minorLine()
        + " ("
        + v.text()
        + ", from "
        + evidence
        + ") "
        + ended(r)
        + VersionCheck.vendorNote(v);
  }

  /** "reached its end of life on D; its final patch release is P". */
  static String ended(KubernetesRelease r) {
    return "reached its end of life on "
        + r.endOfLife()
        + (r.finalPatch() == null ? "" : "; its final patch release is " + r.finalPatch().text());
  }

  private static Violation violation(ServerVersion server, String message) {
    return Violation.of(server.object(), server.field(), message)
        .withValue(server.version().text());
  }
}
