package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Binding;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.Subject;

@CheckInfo(
    id = "rbac-default-service-account",
    title = "Permissions granted to a namespace's default service account",
    severity = Severity.MEDIUM,
    category = Category.RBAC,
    frameworks = {"cis-k8s-1.9:5.1.5", "nsa-cisa:authentication-authorization", "mitre:t1078"},
    why =
        """
        Every pod that names no service account runs as its namespace's default one, so \
        permissions given to it (or to all service accounts of the namespace) reach every such \
        pod, including ones deployed later for other purposes.""",
    remediation =
        """
        Create a service account per workload that needs the API, bind the role to it, and set \
        automountServiceAccountToken: false on the default service account.""")
public final class DefaultServiceAccountGrant extends BindingCheck {

  @Override
  protected String problem(Subject s, Binding b, Rbac rbac) {
    String ns = s.serviceAccountGroupNamespace();
    boolean isDefault = s.isServiceAccount() && s.name().equals("default");
    if (!isDefault && ns == null) {
      return null;
    }
    String who =
        isDefault
            ? "the default service account of namespace " + s.namespace()
            : "every service account of namespace " + ns + ", default included";
    return b.display()
        + " grants "
        + b.roleDisplay()
        + " "
        + Holders.scope(b)
        + " to "
        + who
        + Holders.mounted(s, rbac);
  }
}
