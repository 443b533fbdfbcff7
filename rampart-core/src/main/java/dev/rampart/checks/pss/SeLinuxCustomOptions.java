package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.checks.pss.SecurityContexts.Field;
import dev.rampart.checks.pss.SecurityContexts.Setting;
import dev.rampart.checks.pss.SecurityContexts.Site;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SELinuxOptions;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.Set;
import java.util.function.Consumer;

@CheckInfo(
    id = "selinux-custom-options",
    title = "SELinux type, user or role overridden",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {
      "pss:baseline/selinux",
      "cis-k8s-1.9:5.7.3",
      "nsa-cisa:pod-security",
      "mitre:t1611"
    },
    why =
        """
        On SELinux nodes the container types (container_t and its init, KVM and engine variants) \
        confine what a container process may touch on the host. Another type, such as spc_t \
        (super-privileged container) or unconfined_t, lifts that confinement, and a custom user \
        or role can grant the process a more privileged SELinux identity, undoing the protection \
        that stops many escapes even when a container runs as root.""",
    remediation =
        """
        Remove seLinuxOptions.type unless it is container_t, container_init_t, container_kvm_t \
        or container_engine_t, and remove seLinuxOptions.user and seLinuxOptions.role. Setting \
        only seLinuxOptions.level (the MCS categories) is allowed.""",
    notes =
        """
        Same semantics as the Pod Security Admission control selinux at policy v1.31 and later: \
        at pod and container level, type must be empty or one of container_t, container_init_t, \
        container_kvm_t, container_engine_t; user and role must be empty; level is not checked. \
        seLinuxOptions: {} passes. One finding per offending field.""")
public final class SeLinuxCustomOptions extends WorkloadCheck {

  private static final Set<String> ALLOWED_TYPES =
      Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  private static final Field<SELinuxOptions> OPTIONS =
      new Field<>(PodSecurityContext::getSeLinuxOptions, SecurityContext::getSeLinuxOptions);

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    for (Setting<SELinuxOptions> s : OPTIONS.settings(w)) {
      String type = SecurityContexts.orEmpty(s.value().getType());
      if (!ALLOWED_TYPES.contains(type)) {
        fail.accept(violation(s.site(), "type", type));
      }
      String user = SecurityContexts.orEmpty(s.value().getUser());
      if (!user.isEmpty()) {
        fail.accept(violation(s.site(), "user", user));
      }
      String role = SecurityContexts.orEmpty(s.value().getRole());
      if (!role.isEmpty()) {
        fail.accept(violation(s.site(), "role", role));
      }
    }
  }

  private static Violation violation(Site site, String option, String value) {
    String relative = "seLinuxOptions." + option;
    return site.violation(relative, site.describe() + " sets SELinux " + option + " " + value)
        .withValue(value)
        .withPatch(site.patch(relative, null));
  }
}
