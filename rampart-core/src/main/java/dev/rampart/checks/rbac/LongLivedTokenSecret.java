package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ObjectCheck;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.rbac.Escalation;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.Subject;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;
import java.util.function.Consumer;

@CheckInfo(
    id = "rbac-long-lived-token-secret",
    title = "Service-account token stored in a Secret that never expires",
    severity = Severity.MEDIUM,
    category = Category.RBAC,
    frameworks = {"nsa-cisa:authentication-authorization", "mitre:t1528"},
    why =
        """
        A Secret of type kubernetes.io/service-account-token holds a token that is valid until the \
        Secret is deleted. Whoever can read Secrets in its namespace, or finds it in a backup, a \
        CI variable or a laptop, acts as the service account for good.""",
    remediation =
        """
        Delete the Secret and let workloads use the short-lived, automatically rotated tokens of \
        projected volumes; a client outside the cluster can request one with kubectl create \
        token.""",
    notes =
        """
        Since Kubernetes 1.24 such Secrets are only created on request, and the token cleaner \
        removes unused ones from 1.30 on.""")
public final class LongLivedTokenSecret extends ObjectCheck {

  private static final String TYPE = "kubernetes.io/service-account-token";
  private static final String OWNER = "kubernetes.io/service-account.name";

  public LongLivedTokenSecret() {
    super("Secret");
  }

  @Override
  protected void check(
      KubeObject object, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (!(object.resource() instanceof Secret secret)
        || !TYPE.equals(secret.getType())
        || object.namespace() == null) {
      return;
    }
    String owner = object.annotations().get(OWNER);
    StringBuilder message =
        new StringBuilder("Secret ")
            .append(object.namespace())
            .append('/')
            .append(object.name())
            .append(" holds a token that never expires");
    if (owner != null) {
      Subject sa = Subject.serviceAccount(object.namespace(), owner);
      message.append(" for ").append(sa.display());
      Optional<Escalation> admin = Rbac.of(snapshot).escalations().direct(sa);
      admin.ifPresent(
          e -> message.append(", which is cluster-admin (").append(e.summary()).append(')'));
    }
    fail.accept(Violation.of(object, "type", message.toString()).withValue(TYPE));
  }
}
