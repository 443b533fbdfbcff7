package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.checks.pss.SecurityContexts.Field;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import java.util.function.Consumer;

@CheckInfo(
    id = "seccomp-unconfined",
    title = "Seccomp filtering disabled or set to an unknown profile",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {
      "pss:baseline/seccomp",
      "pss:restricted/seccomp",
      "cis-k8s-1.9:5.7.2",
      "nsa-cisa:pod-security",
      "mitre:t1611"
    },
    why =
        """
        The runtime's default seccomp profile blocks system calls that applications do not need \
        but kernel exploits and escapes do: unshare and mount of new namespaces, keyctl, bpf, \
        userfaultfd, kexec and others (CVE-2022-0185 and CVE-2022-0492 were blocked by it). An \
        Unconfined profile lets the container call all of them.""",
    remediation =
        """
        Set securityContext.seccompProfile.type to RuntimeDefault, at pod level for every \
        container, or to Localhost with a reviewed profile; remove Unconfined overrides.""",
    notes =
        """
        Same semantics as the Pod Security Admission baseline control seccomp (policy v1.19 and \
        later): a profile set at pod or container level must have type RuntimeDefault or \
        Localhost; seccompProfile: {} (empty type) fails, an absent profile passes (see \
        seccomp-not-set for the restricted requirement). The legacy seccomp annotations are not \
        considered, as upstream ignores them since v1.19. Explicitly forbidden profiles also \
        violate the restricted control, which this check reports for both levels; upstream's \
        restricted level exempts Windows pods (spec.os.name: windows), baseline does not.""")
public final class SeccompUnconfined extends WorkloadCheck {

  private static final Field<String> TYPES =
      new Field<>(p -> type(p.getSeccompProfile()), c -> type(c.getSeccompProfile()));

  private static String type(SeccompProfile profile) {
    return profile == null ? null : SecurityContexts.orEmpty(profile.getType());
  }

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    ConfinementProfiles.reportUnconfined(w, TYPES, "seccompProfile", fail);
  }
}
