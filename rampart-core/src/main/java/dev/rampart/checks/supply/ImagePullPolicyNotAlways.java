package dev.rampart.checks.supply;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.ContainerCheck;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.snapshot.ContainerView;
import dev.rampart.snapshot.Workload;
import java.util.function.Consumer;

@CheckInfo(
    id = "image-pull-policy-not-always",
    title = "Image referenced by tag is not pulled on every start",
    severity = Severity.LOW,
    category = Category.SUPPLY_CHAIN,
    frameworks = {"cis-k8s-1.9:5.5.1", "mitre:t1525"},
    why =
        """
        With IfNotPresent or Never a node keeps running whatever image it cached under the tag: a \
        fixed image pushed under the same tag never arrives, and a pod of any namespace can start \
        a private image another team pulled onto the node without presenting the registry \
        credentials (the AlwaysPullImages admission plugin exists for this).""",
    remediation =
        """
        Set imagePullPolicy: Always (pulls are cheap: only the manifest is fetched when the layers \
        are cached), or pin the image by digest.""",
    notes =
        """
        Judged on the effective policy after API-server defaulting: an unset policy is Always for \
        :latest or an untagged image and IfNotPresent otherwise, so a manifest and the same object \
        read from a live cluster get the same verdict. Images pinned by digest pass whatever their \
        policy. Deliberate difference from Polaris pullPolicyNotAlways, which requires the field \
        to be written: Rampart does not flag an untagged or :latest image whose unset policy \
        defaults to Always (latest-image-tag reports those).""")
public final class ImagePullPolicyNotAlways extends ContainerCheck {

  private static final String ALWAYS = "Always";

  @Override
  protected void check(
      Workload w, ContainerView c, CheckContext context, Consumer<Violation> fail) {
    if (c.image() == null || c.image().isBlank()) {
      return;
    }
    ImageReference ref = ImageReference.parse(c.image());
    if (ref.hasDigest()) {
      return;
    }
    String policy = c.imagePullPolicy();
    String effective = policy != null ? policy : ref.isLatest() ? ALWAYS : "IfNotPresent";
    if (!effective.equals(ALWAYS)) {
      String shown = policy != null ? policy : "IfNotPresent (the default for a tagged image)";
      fail.accept(
          violation(
                  w,
                  c,
                  "imagePullPolicy",
                  "container " + c.name() + " pulls " + c.image() + " with policy " + shown)
              .withValue(policy)
              .withPatch(Patches.container(w, c, "imagePullPolicy", ALWAYS)));
    }
  }
}
