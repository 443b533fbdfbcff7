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
    id = "latest-image-tag",
    title = "Container image uses the latest tag or no tag",
    severity = Severity.MEDIUM,
    category = Category.SUPPLY_CHAIN,
    frameworks = {"cis-k8s-1.9:5.5.1", "nsa-cisa:vulnerability-scanning", "mitre:t1525"},
    why =
        """
        An image without a tag is pulled as :latest, and :latest moves with every push. Two \
        replicas can run different code, a rollback returns to whatever the tag points at now, and \
        anyone who can push to the repository replaces what the cluster runs at its next pull. \
        What was scanned and approved is not what runs.""",
    remediation =
        """
        Reference a released version (nginx:1.27.3), or better its digest \
        (nginx:1.27.3@sha256:...), and update it deliberately.""",
    notes =
        """
        Every container is checked, init and ephemeral ones included. A reference with a digest \
        passes whatever its tag says: the runtime pulls the digest and ignores the tag. Other \
        mutable tags (redis:alpine, node:20) are not flagged here; image-not-pinned-by-digest \
        reports every reference without a digest. Agrees with Polaris tagNotSpecified.""")
public final class LatestImageTag extends ContainerCheck {

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    if (c.image() == null || c.image().isBlank()) {
      return;
    }
    ImageReference ref = ImageReference.parse(c.image());
    if (ref.isLatest()) {
      String how = ref.tag() == null ? "has no tag, so it is pulled as :latest" : "uses :latest";
      fail.accept(
          violation(w, c, "image", "image " + c.image() + " of container " + c.name() + " " + how)
              .withValue(c.image()));
    }
  }
}
