package dev.rampart.checks.version;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.controlplane.ControlPlanePods;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@CheckInfo(
    id = "ingress-nginx-vulnerable",
    title = "Ingress controller (ingress-nginx) version has known vulnerabilities",
    severity = Severity.CRITICAL,
    category = Category.VULNERABILITY,
    frameworks = {"nsa-cisa:vulnerability-scanning", "nsa-cisa:upgrading", "mitre:t1190"},
    why =
        """
        The ingress-nginx controller faces the internet and, in its default installation, can read \
        every Secret of the cluster. IngressNightmare (CVE-2025-1974) lets anything that reaches its \
        admission webhook run code in the controller without credentials: from the pod network to \
        all Secrets in one request.""",
    remediation =
        """
        Upgrade the controller image to a fixed release (the finding names it). Until then, \
        disable the validating admission webhook (controller.admissionWebhooks.enabled=false in \
        the Helm chart) and restrict who may create Ingresses.""",
    notes =
        """
        Matches the tag of the controller image (registry.k8s.io/ingress-nginx/controller and its \
        chroot variant, k8s.gcr.io and the old quay.io nginx-ingress-controller) with the bundled \
        version data, whose entries come from the official Kubernetes CVE feed. A controller pinned \
        by digest without a tag is not evaluated.""")
public final class IngressNginxVulnerable extends VersionCheck {

  private static final Set<String> IMAGES =
      Set.of(
          "registry.k8s.io/ingress-nginx/controller",
          "registry.k8s.io/ingress-nginx/controller-chroot",
          "k8s.gcr.io/ingress-nginx/controller",
          "k8s.gcr.io/ingress-nginx/controller-chroot",
          "quay.io/kubernetes-ingress-controller/nginx-ingress-controller");

  @Override
  protected void run(Snapshot snapshot, VersionData data, LocalDate today, Results results) {
    List<String> untagged = new ArrayList<>();
    for (Workload w : snapshot.workloads()) {
      List<Violation> found = new ArrayList<>();
      boolean controller = false;
      for (ContainerView c : w.containers()) {
        if (!isController(c.image())) {
          continue;
        }
        Version v = ControlPlanePods.imageVersion(c.image());
        if (v == null) {
          untagged.add(w.object().ref().display());
          continue;
        }
        controller = true;
        for (KnownVulnerability k : data.affecting("ingress-nginx", v, null)) {
          found.add(
              Violation.of(
                      w.object(),
                      c.field("image") + "#" + k.id(),
                      KubernetesVulnerableVersion.describe("ingress-nginx controller", v, null, k))
                  .inContainer(c.name())
                  .withValue(c.image()));
        }
      }
      if (controller && found.isEmpty()) {
        results.pass(w.object());
      }
      found.forEach(results::fail);
    }
    if (!untagged.isEmpty()) {
      results.notEvaluated(
          "ingress-nginx controller image without a version tag in "
              + String.join(", ", untagged)
              + ": the version is unknown");
    }
  }

  public static boolean isController(String image) {
    if (image == null) {
      return false;
    }
    String repository = image;
    int at = repository.indexOf('@');
    if (at >= 0) {
      repository = repository.substring(0, at);
    }
    int colon = repository.lastIndexOf(':');
    if (colon > repository.lastIndexOf('/')) {
      repository = repository.substring(0, colon);
    }
    return IMAGES.contains(repository);
  }
}
