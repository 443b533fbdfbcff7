package dev.rampart.checks.network;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ObjectCheck;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

@CheckInfo(
    id = "ingress-without-tls",
    title = "Ingress serves plain HTTP",
    severity = Severity.MEDIUM,
    category = Category.NETWORK,
    frameworks = {"nsa-cisa:network-separation", "mitre:t1040", "mitre:t1557"},
    why =
        """
        Without TLS, passwords, session cookies, API tokens and payment callbacks cross the \
        internet in clear text: anyone on the path (a shared Wi-Fi, a compromised router, a cloud \
        neighbour) can read and change them.""",
    remediation =
        """
        Add spec.tls with every host of the Ingress and a certificate Secret (cert-manager can \
        issue and renew it), and redirect HTTP to HTTPS (for ingress-nginx, do not set \
        nginx.ingress.kubernetes.io/ssl-redirect to "false").""",
    notes =
        """
        An Ingress fails when it has no spec.tls, or when a host of its rules is covered by no \
        TLS entry (a TLS entry without hosts covers every host; *.example.com covers one \
        label). TLS terminated in front of the cluster (a cloud load balancer with a \
        certificate) is not visible in the Ingress and cannot be credited.""")
public final class IngressWithoutTls extends ObjectCheck {

  public IngressWithoutTls() {
    super("Ingress");
  }

  @Override
  protected void check(
      KubeObject object, Snapshot snapshot, CheckContext context, Consumer<Violation> fail) {
    if (!(object.resource() instanceof Ingress ingress) || ingress.getSpec() == null) {
      return;
    }
    List<IngressTLS> tls =
        ingress.getSpec().getTls() == null ? List.of() : ingress.getSpec().getTls();
    List<String> hosts = new ArrayList<>();
    if (ingress.getSpec().getRules() != null) {
      for (IngressRule r : ingress.getSpec().getRules()) {
        if (r.getHost() != null && !hosts.contains(r.getHost())) {
          hosts.add(r.getHost());
        }
      }
    }
    if (tls.isEmpty()) {
      String redirect = object.annotations().get("nginx.ingress.kubernetes.io/ssl-redirect");
      fail.accept(
          new Violation(
              object,
              null,
              "spec.tls",
              null,
              "no TLS: "
                  + (hosts.isEmpty() ? "every host" : String.join(", ", hosts))
                  + " served over plain HTTP"
                  + ("false".equals(redirect) ? " (ssl-redirect is switched off)" : ""),
              null));
      return;
    }
    List<String> uncovered = new ArrayList<>();
    for (String host : hosts) {
      if (!covered(host, tls)) {
        uncovered.add(host);
      }
    }
    if (!uncovered.isEmpty()) {
      fail.accept(
          new Violation(
              object,
              null,
              "spec.tls",
              String.join(", ", uncovered),
              "no TLS entry covers " + String.join(", ", uncovered) + ": served over plain HTTP",
              null));
    }
  }

  private static boolean covered(String host, List<IngressTLS> tls) {
    String h = host.toLowerCase(Locale.ROOT);
    for (IngressTLS t : tls) {
      if (t.getHosts() == null || t.getHosts().isEmpty()) {
        return true;
      }
      for (String pattern : t.getHosts()) {
        String p = pattern.toLowerCase(Locale.ROOT);
        if (p.equals(h)) {
          return true;
        }
        if (p.startsWith("*.")) {
          String suffix = p.substring(1);
          String rest = h.endsWith(suffix) ? h.substring(0, h.length() - suffix.length()) : null;
          if (rest != null && !rest.isEmpty() && !rest.contains(".")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
