package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.checks.pss.SecurityContexts.Field;
import dev.rampart.checks.pss.SecurityContexts.Setting;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.function.Consumer;

@CheckInfo(
    id = "runs-as-root-uid",
    title = "Container explicitly runs as root (runAsUser: 0)",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {
      "pss:restricted/running-as-non-root-user",
      "cis-k8s-1.9:5.2.7",
      "nsa-cisa:pod-security"
    },
    why =
        """
        runAsUser: 0 runs the container as root whatever the image says. Root in a container is \
        root on the node's kernel, limited only by capabilities, seccomp and MAC: it owns every \
        file on writable host mounts and turns most kernel and runtime flaws into a node \
        compromise.""",
    remediation =
        """
        Set runAsUser to a non-zero UID the image supports (or remove it and give the image a \
        numeric non-root USER), and set runAsNonRoot: true. Fix files that must be writable \
        with fsGroup or in the image rather than by running as root.""",
    notes =
        """
        Same semantics as the Pod Security Admission restricted control \
        running-as-non-root-user (policy v1.35 and later): runAsUser must not be 0 at pod or \
        container level; unset and any other value pass. runAsGroup, fsGroup and \
        supplementalGroups are not checked, as upstream does not. Not applicable to pods with \
        hostUsers: false, which upstream exempts. No patch is offered: which UID the image can \
        run as is not known from the manifest.""")
public final class RunsAsRootUid extends WorkloadCheck {

  private static final Field<Long> RUN_AS_USER =
      new Field<>(PodSecurityContext::getRunAsUser, SecurityContext::getRunAsUser);

  @Override
  protected String notApplicable(Workload w) {
    return SecurityContexts.inUserNamespace(w)
        ? "pod runs in a user namespace (hostUsers: false): its root is not root on the node"
        : null;
  }

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    for (Setting<Long> s : RUN_AS_USER.settings(w)) {
      if (s.value() == 0L) {
        fail.accept(
            s.site()
                .violation("runAsUser", s.site().describe() + " sets runAsUser=0")
                .withValue(0));
      }
    }
  }
}
