package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ContainerCheck;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import java.util.function.Consumer;

@CheckInfo(
    id = "default-capability-added",
    title = "Container adds back a default capability other than NET_BIND_SERVICE",
    severity = Severity.LOW,
    category = Category.WORKLOAD,
    frameworks = {"pss:restricted/capabilities", "cis-k8s-1.9:5.2.9", "nsa-cisa:pod-security"},
    why =
        """
        The restricted profile lets a container add only NET_BIND_SERVICE. The other default \
        capabilities (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, ...) let a process ignore file \
        ownership and permissions or change its identity; combined with a writable host path or \
        a kernel flaw they turn a compromise of the process into one of the node.""",
    remediation =
        """
        Remove the capability from securityContext.capabilities.add; fix file ownership in the \
        image or with fsGroup instead. Keep only NET_BIND_SERVICE if the process binds a port \
        below 1024.""",
    notes =
        """
        Together with non-default-capabilities and capabilities-not-dropped this is the \
        restricted control capabilities of Pod Security Admission. This check reports only the \
        runtime-default capabilities other than NET_BIND_SERVICE; any other addition is \
        non-default-capabilities' finding, so each addition is reported once. Not applicable to \
        Windows pods (spec.os.name: windows), which upstream exempts.""")
public final class DefaultCapabilityAdded extends ContainerCheck {

  @Override
  protected String notApplicable(Workload w) {
    return SecurityContexts.isWindows(w) ? "Windows pod: Linux capabilities do not apply" : null;
  }

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    AddedCapabilities.report(
        w,
        c,
        cap -> AddedCapabilities.RUNTIME_DEFAULT.contains(cap) && !"NET_BIND_SERVICE".equals(cap),
        "; only NET_BIND_SERVICE may be added",
        fail);
  }
}
