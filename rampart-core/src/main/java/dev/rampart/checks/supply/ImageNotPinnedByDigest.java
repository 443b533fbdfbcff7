package dev.rampart.checks.supply;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ContainerCheck;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import java.util.function.Consumer;

@CheckInfo(
    id = "image-not-pinned-by-digest",
    title = "Container image is not pinned by digest",
    severity = Severity.INFO,
    category = Category.SUPPLY_CHAIN,
    frameworks = {"cis-k8s-1.9:5.5.1", "nsa-cisa:vulnerability-scanning", "mitre:t1525"},
    why =
        """
        Every tag, a version tag included, can be pushed again with different content. Only a \
        digest names one image for good, so that what was scanned, signed and approved is exactly \
        what every node runs.""",
    remediation =
        """
        Add the digest to the reference (registry/app:1.4.2@sha256:...) and let a tool such as \
        Renovate or Dependabot update it.""",
    notes =
        """
        Informational: most clusters run version tags and accept the risk. Every container is \
        checked, init and ephemeral ones included.""")
public final class ImageNotPinnedByDigest extends ContainerCheck {

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    if (c.image() == null || c.image().isBlank()) {
      return;
    }
    if (!ImageReference.parse(c.image()).hasDigest()) {
      fail.accept(
          violation(
                  w,
                  c,
                  "image",
                  "image " + c.image() + " of container " + c.name() + " has no digest")
              .withValue(c.image()));
    }
  }
}
