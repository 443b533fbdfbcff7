package dev.rampart.checks.data;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ObjectCheck;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

@CheckInfo(
    id = "plaintext-secret-in-configmap",
    title = "ConfigMap holds a secret in plain text",
    severity = Severity.HIGH,
    category = Category.DATA,
    frameworks = {"cis-k8s-1.9:5.4.1", "nsa-cisa:network-separation", "mitre:t1552"},
    why =
        """
        ConfigMaps are meant to be read widely: many roles (view, monitoring agents, CI deployers) \
        may read every ConfigMap of a namespace, they are never encrypted at rest, and they end up \
        in Git and in logs. A credential in one is readable by all of them.""",
    remediation =
        """
        Rotate the credential: it has been exposed. Move it to a Secret (or an external secret \
        manager) and mount that alongside the ConfigMap; keep only non-secret settings in the \
        ConfigMap.""",
    notes =
        """
        Each data entry is judged like an environment variable (see plaintext-secret-in-env: a \
        secret-like key with a literal value, or a well-known credential format), and an entry \
        that is a whole file (application.properties, config.yaml, .env) is also read line by line \
        for key = value and key: value pairs. binaryData is not inspected. The value is never \
        reported: the evidence says <redacted>. Agrees with Polaris sensitiveConfigmapContent.""")
public final class PlaintextSecretInConfigMap extends ObjectCheck {

  public PlaintextSecretInConfigMap() {
    super("ConfigMap");
  }

  @Override
  protected void check(
      KubeObject object, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (!(object.resource() instanceof ConfigMap cm) || cm.getData() == null) {
      return;
    }
    for (Map.Entry<String, String> e : new TreeMap<>(cm.getData()).entrySet()) {
      String why = SecretDetector.namedValue(e.getKey(), e.getValue());
      if (why != null) {
        fail.accept(
            Violation.of(
                    object,
                    JsonPaths.entry("data", e.getKey()),
                    "key "
                        + e.getKey()
                        + " of ConfigMap "
                        + object.name()
                        + " looks like a plain-text secret: "
                        + why)
                .withValue(SecretDetector.REDACTED));
      }
    }
  }
}
