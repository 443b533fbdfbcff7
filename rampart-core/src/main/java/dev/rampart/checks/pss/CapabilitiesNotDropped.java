package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ContainerCheck;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.List;
import java.util.function.Consumer;

@CheckInfo(
    id = "capabilities-not-dropped",
    title = "Container keeps the runtime's default capabilities (no drop ALL)",
    severity = Severity.LOW,
    category = Category.WORKLOAD,
    frameworks = {
      "pss:restricted/capabilities",
      "cis-k8s-1.9:5.2.8",
      "cis-k8s-1.9:5.2.10",
      "nsa-cisa:pod-security"
    },
    why =
        """
        Unless it drops them, a container gets the runtime's default capabilities, among them \
        NET_RAW (craft packets: ARP and DNS spoofing on the pod network), CHOWN, DAC_OVERRIDE, \
        FOWNER, SETUID and SETGID. Few applications need any of them, and each widens what an \
        attacker who takes over the process can do to the node and its neighbours.""",
    remediation =
        """
        Set securityContext.capabilities.drop to ["ALL"] in every container, and add back only \
        NET_BIND_SERVICE if the process binds a port below 1024.""",
    notes =
        """
        Same semantics as the drop half of the Pod Security Admission restricted control \
        capabilities: drop must contain exactly "ALL" (case-sensitive); dropping every \
        capability by name does not count. Not applicable to Windows pods (spec.os.name: \
        windows), which upstream exempts.""")
public final class CapabilitiesNotDropped extends ContainerCheck {

  private static final String DROP = "securityContext.capabilities.drop";

  @Override
  protected String notApplicable(Workload w) {
    return SecurityContexts.isWindows(w) ? "Windows pod: Linux capabilities do not apply" : null;
  }

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    Capabilities caps = SecurityContexts.container(c, SecurityContext::getCapabilities);
    List<String> dropped = caps == null ? List.of() : SecurityContexts.orEmpty(caps.getDrop());
    if (!dropped.contains("ALL")) {
      fail.accept(
          violation(w, c, DROP, "container " + c.name() + " does not drop ALL capabilities")
              .withValue(dropped.isEmpty() ? null : String.join(", ", dropped))
              .withPatch(Patches.container(w, c, DROP, List.of("ALL"))));
    }
  }
}
