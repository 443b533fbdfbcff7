package dev.rampart.checks.supply;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ContainerCheck;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.snapshot.Workload;
import java.util.function.Consumer;

@CheckInfo(
    id = "untrusted-registry",
    title = "Container image comes from a registry outside the trusted list",
    severity = Severity.HIGH,
    category = Category.SUPPLY_CHAIN,
    frameworks = {"cis-k8s-1.9:5.5.1", "nsa-cisa:vulnerability-scanning", "mitre:t1525"},
    why =
        """
        Images from registries the organisation does not control skip its scanning, signing and \
        retention; a typo-squatted or hijacked public repository then runs inside the cluster with \
        the workload's identity and network access.""",
    remediation =
        """
        Mirror the image into a trusted registry and reference the mirror, or add the registry to \
        trustedRegistries in rampart.yaml when it is trusted. Enforce the list at admission (a \
        ValidatingAdmissionPolicy or policy engine) so that it holds between scans.""",
    notes =
        """
        Not evaluated until trustedRegistries is set in rampart.yaml: an empty list never means \
        "everything is trusted". References are resolved as a runtime does: no registry means \
        docker.io, a single name means docker.io/library/NAME, a first component with a dot, a \
        port or localhost is a registry, and Docker Hub's aliases (index.docker.io, ...) are one \
        registry. Entries match a host, a host with a path prefix (whole components) or *.domain.""")
public final class UntrustedRegistry implements Check {

  static final String NOT_CONFIGURED =
      "no trusted registries configured (trustedRegistries in rampart.yaml)";

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    if (context.trustedRegistries().isEmpty()) {
      results.notEvaluated(NOT_CONFIGURED);
      return;
    }
    new Evaluation(new TrustedRegistries(context.trustedRegistries()))
        .run(snapshot, context, results);
  }

  private static final class Evaluation extends ContainerCheck {
    private final TrustedRegistries trusted;

    Evaluation(TrustedRegistries trusted) {
      this.trusted = trusted;
    }

    @Override
    protected void check(
        Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
      if (c.image() == null || c.image().isBlank()) {
        return;
      }
      ImageReference ref = ImageReference.parse(c.image());
      if (!trusted.trusts(ref)) {
        fail.accept(
            violation(
                    w,
                    c,
                    "image",
                    "container "
                        + c.name()
                        + " runs "
                        + ref.name()
                        + ", from registry "
                        + ref.registry()
                        + ", which is not in trustedRegistries")
                .withValue(c.image()));
      }
    }
  }
}
