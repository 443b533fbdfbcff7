package dev.rampart.checks.workload;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.snapshot.Workload;
import java.util.function.Consumer;

@CheckInfo(
    id = "workload-in-default-namespace",
    title = "Workload runs in the default namespace",
    severity = Severity.LOW,
    category = Category.WORKLOAD,
    frameworks = {"cis-k8s-1.9:5.7.4", "nsa-cisa:network-separation"},
    why =
        """
        Namespaces are the unit of RBAC, NetworkPolicy, quotas and Pod Security admission. \
        Workloads dropped into default share it with whatever else lands there by accident, and \
        rules written for one of them apply to all; default is also where a stolen credential \
        without a namespace looks first.""",
    remediation =
        """
        Create a namespace per application or team and deploy the workload there, with its own \
        ServiceAccount, NetworkPolicies and Pod Security level.""",
    notes =
        """
        A workload whose manifest has no namespace lands in whatever namespace it is applied to \
        (kubectl -n, the context's namespace, a Helm release, a Kustomize overlay), which the \
        manifest does not tell: such objects are reported not applicable rather than assumed to be \
        in default. Objects read from a cluster always carry their namespace. Polaris has no such \
        check.""")
public final class WorkloadInDefaultNamespace extends WorkloadCheck {

  private static final String DEFAULT = "default";

  @Override
  protected String notApplicable(Workload w) {
    return w.namespace() == null
        ? "no namespace in the manifest: it is decided when the manifest is applied"
        : null;
  }

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    if (DEFAULT.equals(w.namespace())) {
      fail.accept(
          Violation.of(
                  w.object(),
                  "metadata.namespace",
                  w.kind() + " " + w.name() + " runs in the default namespace")
              .withValue(DEFAULT));
    }
  }
}
