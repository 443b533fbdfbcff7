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
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.function.Consumer;

@CheckInfo(
    id = "privilege-escalation-allowed",
    title = "Container does not forbid privilege escalation",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {
      "pss:restricted/privilege-escalation",
      "cis-k8s-1.9:5.2.6",
      "nsa-cisa:pod-security",
      "mitre:t1611"
    },
    why =
        """
        Unless allowPrivilegeEscalation is false, the container's processes may gain more \
        privileges than their parent through setuid and setgid binaries and file capabilities \
        (the no_new_privs flag is not set). An attacker running as an unprivileged user in the \
        container can then become root in it through sudo, a vulnerable setuid binary or a \
        kernel flaw reachable that way, the usual first step of an escape.""",
    remediation =
        """
        Set securityContext.allowPrivilegeEscalation to false in every container, including \
        init and sidecar containers. A container that needs privileged: true or SYS_ADMIN cannot \
        set it (the API rejects the combination) and needs an accepted exception.""",
    notes =
        """
        Same semantics as the Pod Security Admission restricted control privilege-escalation \
        (policy v1.25 and later): every regular, init and ephemeral container must set \
        allowPrivilegeEscalation to false explicitly; unset counts as allowed, because the \
        runtime allows escalation by default. Not applicable to Windows pods (spec.os.name: \
        windows), which upstream exempts.""")
public final class PrivilegeEscalationAllowed extends ContainerCheck {

  private static final String FIELD = "securityContext.allowPrivilegeEscalation";

  @Override
  protected String notApplicable(Workload w) {
    return SecurityContexts.isWindows(w) ? "Windows pod: no_new_privs does not apply" : null;
  }

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    Boolean allowed = SecurityContexts.container(c, SecurityContext::getAllowPrivilegeEscalation);
    if (!Boolean.FALSE.equals(allowed)) {
      String message =
          allowed == null
              ? "container " + c.name() + " does not set allowPrivilegeEscalation=false"
              : "container " + c.name() + " sets allowPrivilegeEscalation=true";
      fail.accept(
          violation(w, c, FIELD, message)
              .withValue(allowed)
              .withPatch(Patches.container(w, c, FIELD, false)));
    }
  }
}
