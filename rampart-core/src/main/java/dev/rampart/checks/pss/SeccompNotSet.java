package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.List;
import java.util.function.Consumer;

@CheckInfo(
    id = "seccomp-not-set",
    title = "No seccomp profile for some containers",
    severity = Severity.LOW,
    category = Category.WORKLOAD,
    frameworks = {"pss:restricted/seccomp", "cis-k8s-1.9:5.7.2", "nsa-cisa:pod-security"},
    why =
        """
        Without a seccomp profile in the pod spec, the kubelet runs containers Unconfined unless \
        the node enables seccompDefault, which most do not. The container may then make every \
        system call, including those kernel exploits and escapes rely on (unshare, keyctl, bpf, \
        userfaultfd, ...), which the runtime's default profile would block.""",
    remediation =
        """
        Set securityContext.seccompProfile.type to RuntimeDefault in the pod's securityContext, \
        which covers every container, or in each container; use Localhost with a reviewed \
        profile where the default is too strict.""",
    notes =
        """
        Together with seccomp-unconfined this is the restricted control seccomp of Pod Security \
        Admission: every container must get RuntimeDefault or Localhost, from its own \
        securityContext or from the pod's. This check reports, once for the pod, the containers \
        without a profile while the pod sets none; a forbidden profile is seccomp-unconfined's \
        finding. Not applicable to Windows pods (spec.os.name: windows), which upstream exempts. \
        A node with seccompDefault enabled does protect these containers; the pod spec cannot \
        show it.""")
public final class SeccompNotSet extends WorkloadCheck {

  private static final String FIELD = "securityContext.seccompProfile.type";

  @Override
  protected String notApplicable(Workload w) {
    return SecurityContexts.isWindows(w) ? "Windows pod: seccomp does not apply" : null;
  }

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    if (SecurityContexts.pod(w, PodSecurityContext::getSeccompProfile) != null) {
      return;
    }
    List<String> unprofiled =
        SecurityContexts.containersWithout(w, SecurityContext::getSeccompProfile);
    if (!unprofiled.isEmpty()) {
      fail.accept(
          Violation.of(
                  w.object(),
                  w.field(FIELD),
                  SecurityContexts.neitherPodNor(unprofiled, "a seccomp profile"))
              .withPatch(Patches.pod(w, FIELD, "RuntimeDefault")));
    }
  }
}
