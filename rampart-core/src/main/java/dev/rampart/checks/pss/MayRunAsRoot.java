package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.checks.pss.SecurityContexts.Field;
import dev.rampart.checks.pss.SecurityContexts.Setting;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.List;
import java.util.function.Consumer;

@CheckInfo(
    id = "may-run-as-root",
    title = "Containers may run as root (runAsNonRoot not true)",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {
      "pss:restricted/running-as-non-root",
      "cis-k8s-1.9:5.2.7",
      "nsa-cisa:pod-security"
    },
    why =
        """
        Without runAsNonRoot: true, a container runs as whatever user its image declares, and \
        most images declare root. Root in a container is root on the node's kernel, limited only \
        by capabilities, seccomp and MAC: it can write files on any writable host mount as root \
        and it turns most kernel and runtime flaws into a node compromise. runAsNonRoot makes \
        the kubelet refuse to start a container whose user is root.""",
    remediation =
        """
        Set securityContext.runAsNonRoot: true in the pod's securityContext (it covers every \
        container) and build images with a numeric non-root USER, or set runAsUser to a \
        non-zero UID. Remove runAsNonRoot: false overrides.""",
    notes =
        """
        Same semantics as the Pod Security Admission restricted control running-as-non-root \
        (policy v1.35 and later): an explicit false at pod or container level fails (a pod-level \
        false fails even if every container sets true), and every container must get true from \
        its own securityContext or the pod's. A non-zero runAsUser does not satisfy it. The \
        containers missing the setting are reported once, at the pod, where the fix belongs. \
        Not applicable to pods with hostUsers: false, which upstream exempts: root in a user \
        namespace is unprivileged on the node. Windows pods are not exempt. Polaris' \
        runAsRootAllowed failure fixture is a Deployment declared with apiVersion v1, which no \
        API server serves: Rampart keeps it as an unknown kind, not a workload.""")
public final class MayRunAsRoot extends WorkloadCheck {

  private static final String FIELD = "runAsNonRoot";

  private static final Field<Boolean> RUN_AS_NON_ROOT =
      new Field<>(PodSecurityContext::getRunAsNonRoot, SecurityContext::getRunAsNonRoot);

  @Override
  protected String notApplicable(Workload w) {
    return SecurityContexts.inUserNamespace(w)
        ? "pod runs in a user namespace (hostUsers: false): its root is not root on the node"
        : null;
  }

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    for (Setting<Boolean> s : RUN_AS_NON_ROOT.settings(w)) {
      if (!s.value()) {
        fail.accept(
            s.site()
                .violation(FIELD, s.site().describe() + " sets runAsNonRoot=false")
                .withValue(false)
                .withPatch(s.site().patch(FIELD, true)));
      }
    }
    if (SecurityContexts.pod(w, PodSecurityContext::getRunAsNonRoot) != null) {
      return;
    }
    List<String> unset = SecurityContexts.containersWithout(w, SecurityContext::getRunAsNonRoot);
    if (!unset.isEmpty()) {
      fail.accept(
          Violation.of(
                  w.object(),
                  w.field("securityContext." + FIELD),
                  SecurityContexts.neitherPodNor(unset, "runAsNonRoot=true"))
              .withPatch(Patches.pod(w, "securityContext." + FIELD, true)));
    }
  }
}
