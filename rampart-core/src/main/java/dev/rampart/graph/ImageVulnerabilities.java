package dev.rampart.graph;

import dev.rampart.checks.controlplane.ControlPlanePods;
import dev.rampart.checks.version.IngressNginxVulnerable;
import dev.rampart.checks.version.KnownVulnerability;
import dev.rampart.checks.version.Version;
import dev.rampart.checks.version.VersionData;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The known vulnerabilities of the images a workload runs that make it an easier foothold: those
 * rated critical or high, from the bundled version data (the ingress-nginx controller, as the
 * {@code ingress-nginx-vulnerable} check reports them) and from Trivy Operator {@code
 * VulnerabilityReport}s found in the snapshot.
 */
final class ImageVulnerabilities {

  /** One vulnerability of one container's image. */
  record Vulnerability(String id, String severity, String container, String image, String title) {

    /** How likely an attacker who reaches the workload runs code in it through this CVE. */
    double likelihood() {
      return "critical".equals(severity) ? 0.9 : 0.75;
    }

    String describe() {
      return id
          + " ("
          + severity
          + ") in "
          + image
          + " of container "
          + container
          + (title == null || title.isBlank() ? "" : ": " + title);
    }
  }

  private static final String TRIVY_KIND = "trivy-operator.resource.kind";
  private static final String TRIVY_NAME = "trivy-operator.resource.name";
  private static final String TRIVY_CONTAINER = "trivy-operator.container.name";

  private final Map<KubeObject, List<Vulnerability>> byWorkload = new IdentityHashMap<>();

  private ImageVulnerabilities() {}

  static ImageVulnerabilities of(Snapshot snapshot, VersionData data) {
    ImageVulnerabilities v = new ImageVulnerabilities();
    for (Workload w : snapshot.workloads()) {
      for (ContainerView c : w.containers()) {
        if (!IngressNginxVulnerable.isController(c.image())) {
          continue;
        }
        Version version = ControlPlanePods.imageVersion(c.image());
        if (version == null) {
          continue;
        }
        for (KnownVulnerability k : data.affecting("ingress-nginx", version, null)) {
          String severity = k.severity().toLowerCase(Locale.ROOT);
          if (severity.equals("critical") || severity.equals("high")) {
            v.add(w.object(), new Vulnerability(k.id(), severity, c.name(), c.image(), k.title()));
          }
        }
      }
    }
    v.trivyReports(snapshot);
    return v;
  }

  List<Vulnerability> of(Workload w) {
    return byWorkload.getOrDefault(w.object(), List.of());
  }

  private void add(KubeObject workload, Vulnerability vuln) {
    List<Vulnerability> list = byWorkload.computeIfAbsent(workload, k -> new ArrayList<>());
    if (list.stream().noneMatch(x -> x.id().equals(vuln.id()) && x.image().equals(vuln.image()))) {
      list.add(vuln);
    }
  }

  /**
   * A Trivy Operator report names the scanned object by labels; for a Deployment that is its
   * ReplicaSet ({@code NAME-HASH}), which is mapped back to the Deployment.
   */
  @SuppressWarnings("unchecked")
  private void trivyReports(Snapshot snapshot) {
    List<KubeObject> reports = snapshot.ofKind("VulnerabilityReport");
    if (reports.isEmpty()) {
      return;
    }
    Map<String, List<Workload>> byNamespace = new java.util.HashMap<>();
    for (Workload w : snapshot.workloads()) {
      if (w.namespace() != null) {
        byNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
      }
    }
    for (KubeObject o : reports) {
      if (!(o.resource() instanceof GenericKubernetesResource r)) {
        continue;
      }
      Workload w =
          workloadOf(
              byNamespace.getOrDefault(o.namespace(), List.of()),
              o.labels().get(TRIVY_KIND),
              o.labels().get(TRIVY_NAME));
      if (w == null) {
        continue;
      }
      Object report = r.getAdditionalProperties().get("report");
      if (!(report instanceof Map<?, ?> rep)) {
        continue;
      }
      String image = image(rep);
      Object list = rep.get("vulnerabilities");
      if (!(list instanceof List<?> vulns)) {
        continue;
      }
      String container = o.labels().getOrDefault(TRIVY_CONTAINER, "?");
      for (Object x : vulns) {
        if (x instanceof Map<?, ?> m && m.get("vulnerabilityID") instanceof String id) {
          String severity = String.valueOf(m.get("severity")).toLowerCase(Locale.ROOT);
          if (severity.equals("critical") || severity.equals("high")) {
            Object title = m.get("title");
            add(
                w.object(),
                new Vulnerability(
                    id, severity, container, image, title == null ? null : title.toString()));
          }
        }
      }
    }
  }

  private static String image(Map<?, ?> report) {
    if (report.get("artifact") instanceof Map<?, ?> a && a.get("repository") != null) {
      Object tag = a.get("tag");
      return a.get("repository") + (tag == null ? "" : ":" + tag);
    }
    return "the image";
  }

  private static Workload workloadOf(List<Workload> inNamespace, String kind, String name) {
    if (kind == null || name == null) {
      return null;
    }
    for (Workload w : inNamespace) {
      if (w.kind().equals(kind) && w.name().equals(name)) {
        return w;
      }
      if (kind.equals("ReplicaSet")
          && w.kind().equals("Deployment")
          && name.startsWith(w.name() + "-")
          && name.indexOf('-', w.name().length() + 1) < 0) {
        return w;
      }
    }
    return null;
  }
}
