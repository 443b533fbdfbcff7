package dev.rampart.checks.data;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ContainerCheck;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.function.Consumer;

@CheckInfo(
    id = "plaintext-secret-in-env",
    title = "Container environment variable holds a secret in plain text",
    severity = Severity.HIGH,
    category = Category.DATA,
    frameworks = {"cis-k8s-1.9:5.4.1", "nsa-cisa:network-separation", "mitre:t1552"},
    why =
        """
        A credential written into a pod spec is stored unencrypted in etcd, shown by kubectl \
        describe and get to everyone who may read the workload (a much wider audience than those \
        who may read Secrets), kept in Git, CI logs and Helm release history, and cannot be \
        rotated without a redeploy.""",
    remediation =
        """
        Rotate the credential: it has been exposed. Store the new one in a Secret (or an external \
        secret manager) and mount it as a file, or at least reference it with \
        valueFrom.secretKeyRef.""",
    notes =
        """
        Flags a literal value whose variable name says it is a secret (password, passwd, pwd, \
        secret, token, credentials, api key, private key, access key, ...; names that describe a \
        secret, such as *_FILE, *_PATH, *_URL or *_NAME, do not count) unless the value is a \
        reference ($(VAR)), a path, a switch or a placeholder; a weaker name (key, auth, salt) \
        with a random-looking value; and any value in a well-known credential format: private \
        keys, AWS access key ids, GitHub, GitLab and Slack tokens, Google API keys, Stripe keys, \
        JSON Web Tokens, URLs with a password. The value is never reported: the evidence says \
        <redacted>. Agrees with Polaris sensitiveContainerEnvVar.""")
public final class PlaintextSecretInEnv extends ContainerCheck {

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    for (int i = 0; i < c.env().size(); i++) {
      EnvVar e = c.env().get(i);
      if (e.getValueFrom() != null || e.getName() == null) {
        continue;
      }
      String why = SecretDetector.namedValue(e.getName(), e.getValue());
      if (why != null) {
        fail.accept(
            violation(
                    w,
                    c,
                    "env[" + i + "].value",
                    "environment variable "
                        + e.getName()
                        + " of container "
                        + c.name()
                        + " looks like a plain-text secret: "
                        + why)
                .withValue(SecretDetector.REDACTED));
      }
    }
  }
}
