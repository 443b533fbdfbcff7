package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Severity;
import dev.rampart.rbac.Binding;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.Subject;
import java.util.Set;

@CheckInfo(
    id = "rbac-binding-to-missing-service-account",
    title = "Binding grants to a service account that does not exist",
    severity = Severity.MEDIUM,
    category = Category.RBAC,
    frameworks = {"nsa-cisa:authentication-authorization", "mitre:t1078"},
    why =
        """
        A binding left behind when its workload was removed keeps granting: whoever can create a \
        service account of that name in that namespace inherits the permissions, without any \
        change to RBAC that a review would notice.""",
    remediation =
        "Delete the binding (or the subject from it) together with the workload it served.",
    notes =
        """
        Not evaluated when the input holds no ServiceAccounts at all (manifests of one \
        application). The default service account exists in every namespace.""")
public final class BindingToMissingServiceAccount extends BindingCheck {

  @Override
  public Set<String> requires() {
    return RbacKinds.GRANTS_AND_ACCOUNTS;
  }

  @Override
  protected String notEvaluated(Rbac rbac) {
    return rbac.hasServiceAccounts()
        ? null
        : "the input holds no ServiceAccounts to resolve binding subjects against";
  }

  @Override
  protected String problem(Subject s, Binding b, Rbac rbac) {
    if (!s.isServiceAccount() || rbac.serviceAccountExists(s.namespace(), s.name())) {
      return null;
    }
    return b.display()
        + " grants "
        + b.roleDisplay()
        + " "
        + Holders.scope(b)
        + " to "
        + s.display()
        + ", which does not exist: whoever creates it gets these rights";
  }
}
