package dev.rampart.checks.data;

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
import java.util.TreeMap;

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
        workloads. Annotations often name a Secret (vault.hashicorp.com/agent-inject-secret-*, \
        nginx.ingress.kubernetes.io/auth-secret), so a secret-like key counts only with a \
        random-looking value; well-known credential formats count whatever the key. \
        kubectl.kubernetes.io/last-applied-configuration is skipped: it repeats the object itself, \
        whose fields the other checks judge. The value is never reported: the evidence says \
        <redacted>.""")
public final class PlaintextSecretInAnnotation implements Check {

  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

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

  private static void check(
      KubeObject o, String metadataPath, Map<String, String> annotations, List<Violation> found) {
    for (Map.Entry<String, String> a : new TreeMap<>(annotations).entrySet()) {
      if (a.getKey().equals(LAST_APPLIED)) {
        continue;
      }
      String why = SecretDetector.annotation(a.getKey(), a.getValue());
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
