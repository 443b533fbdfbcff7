package dev.rampart.checks.version;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.controlplane.Component;
import dev.rampart.checks.controlplane.ControlPlanePod;
import dev.rampart.checks.controlplane.ControlPlanePods;
import dev.rampart.snapshot.Snapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@CheckInfo(
    id = "kubernetes-vulnerable-version",
    title = "API server version has known vulnerabilities",
    severity = Severity.HIGH,
    category = Category.VULNERABILITY,
    frameworks = {"nsa-cisa:upgrading", "nsa-cisa:vulnerability-scanning", "mitre:t1190"},
    why =
        """
        Published Kubernetes vulnerabilities come with exploit details. An API server in an \
        affected version range is exposed to whatever the advisory describes, from denial of \
        service to privilege escalation.""",
    remediation =
        """
        Upgrade the control plane to a patch release that fixes each listed CVE (the finding names \
        the first fixed version on the same line), or apply the advisory's mitigation where no fix \
        exists.""",
    notes =
        """
        One finding per CVE, matched by version alone with the bundled version data (rampart data \
        show), whose entries come from the official Kubernetes CVE feed. Whether a feature the CVE \
        needs is in use (aggregated API servers, a given admission plugin) is not judged: the \
        finding says what the exposure depends on. A CVE whose mitigation the flags show (the \
        DenyServiceExternalIPs admission plugin for CVE-2020-8554) is not reported. Vendor builds (EKS, GKE, OpenShift) may carry \
        backported fixes.""")
public final class KubernetesVulnerableVersion extends VersionCheck {

  @Override
  protected void run(Snapshot snapshot, VersionData data, LocalDate today, Results results) {
    Optional<ServerVersion> found = ServerVersion.of(snapshot);
    if (found.isEmpty()) {
      results.notEvaluated(ServerVersion.UNKNOWN);
      return;
    }
    ServerVersion server = found.get();
    List<ControlPlanePod> apiServers = ControlPlanePods.of(snapshot, Component.KUBE_APISERVER);
    List<KnownVulnerability> affecting =
        data.affecting("kube-apiserver", server.version(), null).stream()
            .filter(k -> !mitigated(k, apiServers))
            .toList();
    if (affecting.isEmpty()) {
      results.pass(server.object());
      return;
    }
    for (KnownVulnerability k : affecting) {
      results.fail(
          Violation.of(
                  server.object(),
                  server.field() + "#" + k.id(),
                  describe("kube-apiserver", server.version(), server.evidence(), k))
              .withValue(server.version().text()));
    }
  }

  /** Whether every API server runs the admission plugin that removes the exposure. */
  static boolean mitigated(KnownVulnerability k, List<ControlPlanePod> apiServers) {
    String plugin = k.mitigatingAdmissionPlugin();
    return plugin != null
        && !apiServers.isEmpty()
        && apiServers.stream().allMatch(p -> p.admissionPlugins().enabled(plugin));
  }

  /** "kube-apiserver v1.29.4 (from ...) is affected by CVE-... (high): title; fixed in ..." */
  static String describe(String component, Version v, String evidence, KnownVulnerability k) {
    Version fixed = k.fixedAfter(v);
    String fix =
        fixed != null
            ? "fixed in " + fixed.text()
            : k.unfixedFor(v) && k.affected().stream().allMatch(r -> r.fixed() == null)
                ? "no release fixes it"
                : "no fix on the " + v.minorLine() + " line: upgrade to a supported release";
    return component
        + " "
        + v.text()
        + (evidence == null ? "" : " (from " + evidence + ")")
        + " is affected by "
        + k.id()
        + " ("
        + k.severity()
        + "): "
        + k.title()
        + "; "
        + fix
        + (k.note().isEmpty() ? "" : ". " + k.note())
        + VersionCheck.vendorNote(v);
  }
}
