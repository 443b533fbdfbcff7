package dev.rampart.checks.controlplane;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.Snapshot;
import java.util.function.Consumer;

@CheckInfo(
    id = "apiserver-external-ips-allowed",
    title = "Services may claim arbitrary external IPs",
    severity = Severity.MEDIUM,
    category = Category.CONTROL_PLANE,
    frameworks = {"cis-k8s-1.9:1.2.3", "nsa-cisa:network-separation", "mitre:t1557"},
    why =
        """
        Without the DenyServiceExternalIPs admission plugin, anyone who may create or update a \
        Service can set spec.externalIPs to any address, and kube-proxy on every node then captures \
        traffic meant for that address: a man-in-the-middle of other tenants and external systems \
        (CVE-2020-8554, which has no fix in any release).""",
    remediation =
        """
        Add DenyServiceExternalIPs to --enable-admission-plugins on kube-apiserver (Kubernetes \
        1.21+). Where external IPs are needed, allow them per Service with a policy engine instead.""",
    notes =
        """
        kube-bench (cfg/cis-1.9, 1.2.3) tests the same plugin. A ValidatingAdmissionPolicy or \
        webhook that restricts externalIPs also mitigates CVE-2020-8554 but is not seen here.""")
public final class ApiServerExternalIpsAllowed extends ControlPlaneCheck {

  public ApiServerExternalIpsAllowed() {
    super(Component.KUBE_APISERVER);
  }

  @Override
  protected void check(
      ControlPlanePod pod, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (!pod.admissionPlugins().enabled("DenyServiceExternalIPs")) {
      fail.accept(
          pod.admissionViolation(
              "DenyServiceExternalIPs",
              pod.name()
                  + " does not run the DenyServiceExternalIPs admission plugin: any Service may"
                  + " claim external IPs (CVE-2020-8554)"));
    }
  }
}
