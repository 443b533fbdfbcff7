package dev.rampart.checks.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import dev.rampart.snapshot.Workloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

@CheckInfo(
    id = "plaintext-secret-in-annotation",
    title = "Annotation holds a secret in plain text",
    severity = Severity.HIGH,
    category = Category.DATA,
    frameworks = {"cis-k8s-1.9:5.4.1", "nsa-cisa:network-separation", "mitre:t1552"},
    why =
        """
        Annotations are metadata: anyone who may get or list the object reads them, tools copy \
        them into logs, events and dashboards, and they are never encrypted. A credential in an \
        annotation is exposed to all of them.""",
    remediation =
        """
        Rotate the credential: it has been exposed. Keep it in a Secret and let the annotation \
        name the Secret instead of holding the value.""",
    notes =
        """
        Every object's annotations are checked, and so are the pod template annotations of \
        workloads. Annotations often name a Secret or a vault path \
        (vault.hashicorp.com/agent-inject-secret-*, nginx.ingress.kubernetes.io/auth-secret), so a \
        secret-like key does not count when its value looks like such a reference (a lower-case \
        name or path) unless the value also looks random; well-known credential formats count \
        whatever the key. A lower-case word stored under a secret-like key is therefore missed. \
        kubectl.kubernetes.io/last-applied-configuration counts on Secrets, where it repeats the \
        data in a field tools treat as harmless metadata (kubectl describe prints it while hiding \
        the data); on other objects it repeats fields the other checks judge on the object itself. \
        The value is never reported: the evidence says <redacted>.""")
public final class PlaintextSecretInAnnotation implements Check {

  @Override
  public Set<String> requires() {
    return EVERY_KIND;
  }

  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    List<Violation> found = new ArrayList<>();
    for (KubeObject o : snapshot.objects()) {
      found.clear();
      check(o, "metadata", o.annotations(), found);
      Optional<Workload> w =
          Workloads.KINDS.contains(o.kind()) ? Workloads.of(o) : Optional.empty();
      if (w.isPresent() && !w.get().specPath().equals("spec")) {
        check(o, w.get().metadataPath(), w.get().podAnnotations(), found);
      }
      if (found.isEmpty()) {
        results.pass(o);
      } else {
        found.forEach(results::fail);
      }
    }
  }

  /**
   * Why kubectl's copy of the applied object repeats a Secret's values, or null. Other objects'
   * copies repeat fields the other checks judge on the object itself.
   */
  private static String lastAppliedSecretData(KubeObject o, String applied) {
    if (!o.kind().equals("Secret") || applied == null) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    try {
      JsonNode tree = JSON.readTree(applied);
      for (String field : List.of("data", "stringData")) {
        tree.path(field).fieldNames().forEachRemaining(keys::add);
      }
    } catch (JsonProcessingException e) {
      return null;
    }
    return keys.isEmpty()
        ? null
        : "it repeats the Secret's values (keys " + String.join(", ", new TreeSet<>(keys)) + ")";
  }

  private static void check(
      KubeObject o, String metadataPath, Map<String, String> annotations, List<Violation> found) {
    for (Map.Entry<String, String> a : new TreeMap<>(annotations).entrySet()) {
      String why =
          a.getKey().equals(LAST_APPLIED)
              ? lastAppliedSecretData(o, a.getValue())
              : SecretDetector.annotation(a.getKey(), a.getValue());
      if (why != null) {
        found.add(
            Violation.of(
                    o,
                    JsonPaths.entry(metadataPath + ".annotations", a.getKey()),
                    "annotation "
                        + a.getKey()
                        + " of "
                        + o.kind()
                        + " "
                        + o.name()
                        + " looks like a plain-text secret: "
                        + why)
                .withValue(SecretDetector.REDACTED));
      }
    }
  }
}
