package dev.rampart.checks.data;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ContainerCheck;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.function.Consumer;

@CheckInfo(
    id = "secret-as-environment-variable",
    title = "Secret is passed to a container as an environment variable",
    severity = Severity.LOW,
    category = Category.DATA,
    frameworks = {"cis-k8s-1.9:5.4.1", "nsa-cisa:network-separation", "mitre:t1552"},
    why =
        """
        Environment variables leak: crash reports, debug endpoints and logs print them, every \
        child process inherits them, and anyone who can exec into the container or read \
        /proc/PID/environ on the node sees them. A Secret mounted as a file is readable only where \
        it is mounted, can be rotated without a restart and is not inherited.""",
    remediation =
        """
        Mount the Secret as a volume (readOnly, with a restrictive defaultMode) and have the \
        application read the file; many libraries accept a *_FILE variable naming the path.""",
    notes =
        """
        Reports each env entry read from a secretKeyRef and each envFrom secretRef, naming the \
        Secret and key, never a value. Every container is checked, init and ephemeral ones \
        included.""")
public final class SecretAsEnvironmentVariable extends ContainerCheck {

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    for (int i = 0; i < c.env().size(); i++) {
      EnvVar e = c.env().get(i);
      SecretKeySelector ref = e.getValueFrom() == null ? null : e.getValueFrom().getSecretKeyRef();
      if (ref != null) {
        fail.accept(
            violation(
                    w,
                    c,
                    "env[" + i + "].valueFrom.secretKeyRef",
                    "environment variable "
                        + e.getName()
                        + " of container "
                        + c.name()
                        + " is read from Secret "
                        + ref.getName()
                        + ", key "
                        + ref.getKey())
                .withValue(ref.getName() + "/" + ref.getKey()));
      }
    }
    for (int i = 0; i < c.envFrom().size(); i++) {
      EnvFromSource from = c.envFrom().get(i);
      if (from.getSecretRef() != null) {
        String secret = from.getSecretRef().getName();
        fail.accept(
            violation(
                    w,
                    c,
                    "envFrom[" + i + "].secretRef",
                    "container "
                        + c.name()
                        + " imports every key of Secret "
                        + secret
                        + " as environment variables")
                .withValue(secret));
      }
    }
  }
}
