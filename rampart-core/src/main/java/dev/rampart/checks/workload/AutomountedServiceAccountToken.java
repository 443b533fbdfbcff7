package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Severity;
import dev.rampart.checks.SnapshotWorkloadCheck;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

@CheckInfo(
    id = "automounted-service-account-token",
    title = "Service account token is mounted into the pod",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {"cis-k8s-1.9:5.1.6", "nsa-cisa:pod-security", "mitre:t1528"},
    why =
        """
        Kubernetes mounts a token of the pod's ServiceAccount into every container unless told not \
        to. Whoever gets code execution in the pod (an RCE, a malicious dependency) reads it and \
        acts on the API with every permission the ServiceAccount has; most applications never call \
        the API and need no token at all.""",
    remediation =
        """
        Set automountServiceAccountToken: false in the pod spec (or on the ServiceAccount, for \
        every pod using it). Pods that do call the API keep the token and get a dedicated \
        ServiceAccount with only the permissions they use.""",
    notes =
        """
        Effective setting as the kubelet decides it: the pod's automountServiceAccountToken wins; \
        when the pod leaves it unset, the ServiceAccount's (serviceAccountName, or default) \
        decides, and when neither says false the token is mounted. A ServiceAccount that is not in \
        the input cannot have disabled it, so the pod is reported with a message saying so. Static \
        (mirror) pods are not applicable: they cannot use a ServiceAccount. Agrees with every \
        Polaris automountServiceAccountToken fixture.""")
public final class AutomountedServiceAccountToken extends SnapshotWorkloadCheck {

  @Override
  public Set<String> requires() {
    return Check.workloadsAnd("ServiceAccount");
  }

  private static final String FIELD = "automountServiceAccountToken";

  @Override
  protected String notApplicable(Workload w, Snapshot snapshot) {
    return MirrorPods.isMirror(w.object()) ? "a static pod cannot use a ServiceAccount" : null;
  }

  @Override
  protected void check(
      Workload w, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    PodSpec spec = w.spec();
    Boolean pod = spec.getAutomountServiceAccountToken();
    if (Boolean.FALSE.equals(pod)) {
      return;
    }
    String account = serviceAccountName(spec);
    String message;
    if (Boolean.TRUE.equals(pod)) {
      message = "the pod sets automountServiceAccountToken: true";
    } else {
      Optional<KubeObject> sa = snapshot.find("ServiceAccount", w.namespace(), account);
      Boolean saSetting =
          sa.map(o -> o.resource() instanceof ServiceAccount s ? s : null)
              .map(ServiceAccount::getAutomountServiceAccountToken)
              .orElse(null);
      if (Boolean.FALSE.equals(saSetting)) {
        return;
      }
      message =
          sa.isEmpty()
              ? "the pod does not disable automounting and its ServiceAccount "
                  + account
                  + " is not in the input"
              : "neither the pod nor its ServiceAccount " + account + " disables automounting";
    }
    fail.accept(
        Violation.of(
                w.object(),
                w.field(FIELD),
                "a token of ServiceAccount " + account + " is mounted: " + message)
            .withValue(pod)
            .withPatch(Patches.pod(w, FIELD, false)));
  }

  private static String serviceAccountName(PodSpec spec) {
    if (spec.getServiceAccountName() != null && !spec.getServiceAccountName().isBlank()) {
      return spec.getServiceAccountName();
    }
    // serviceAccount is the deprecated alias the API server still honours.
    if (spec.getServiceAccount() != null && !spec.getServiceAccount().isBlank()) {
      return spec.getServiceAccount();
    }
    return "default";
  }
}
