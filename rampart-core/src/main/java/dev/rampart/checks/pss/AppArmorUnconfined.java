package dev.rampart.checks.pss;

import dev.rampart.checks.Category;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Patches;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.checks.WorkloadCheck;
import dev.rampart.checks.pss.SecurityContexts.Field;
import dev.rampart.snapshot.Workload;
import io.fabric8.kubernetes.api.model.AppArmorProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

@CheckInfo(
    id = "apparmor-unconfined",
    title = "AppArmor confinement disabled or set to an unknown profile",
    severity = Severity.MEDIUM,
    category = Category.WORKLOAD,
    frameworks = {
      "pss:baseline/apparmor",
      "cis-k8s-1.9:5.7.3",
      "nsa-cisa:pod-security",
      "mitre:t1611"
    },
    why =
        """
        On AppArmor nodes the runtime's default profile denies mounts, writes to /proc and /sys \
        and other operations that container escapes depend on (the cgroup release_agent escape \
        of CVE-2022-0492, for one). An Unconfined profile removes that layer for the container; \
        an unknown value may do the same on some runtimes.""",
    remediation =
        """
        Remove the override, or set securityContext.appArmorProfile.type to RuntimeDefault (or \
        Localhost with a reviewed localhostProfile) at pod or container level. Replace the \
        deprecated container.apparmor.security.beta.kubernetes.io annotations with the \
        appArmorProfile field.""",
    notes =
        """
        Same semantics as the Pod Security Admission control apparmor: a profile set at pod or \
        container level must have type RuntimeDefault or Localhost (an empty appArmorProfile: {} \
        fails), and every pod-template annotation whose key starts with \
        container.apparmor.security.beta.kubernetes.io/ must be empty, runtime/default or \
        localhost/<profile>, whether or not its suffix names an existing container. The \
        workload's own annotations are not considered, only the pod template's.""")
public final class AppArmorUnconfined extends WorkloadCheck {

  private static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

  private static final Field<String> TYPES =
      new Field<>(p -> type(p.getAppArmorProfile()), c -> type(c.getAppArmorProfile()));

  private static String type(AppArmorProfile profile) {
    return profile == null ? null : SecurityContexts.orEmpty(profile.getType());
  }

  @Override
  protected void check(Workload w, CheckContext context, Consumer<Violation> fail) {
    ConfinementProfiles.reportUnconfined(w, TYPES, "appArmorProfile", fail);
    new TreeMap<>(w.podAnnotations())
        .forEach(
            (key, value) -> {
              String profile = SecurityContexts.orEmpty(value);
              if (key.startsWith(ANNOTATION_PREFIX) && !allowedAnnotation(profile)) {
                fail.accept(annotationViolation(w, key, profile));
              }
            });
  }

  private static boolean allowedAnnotation(String profile) {
    return profile.isEmpty()
        || profile.equals("runtime/default")
        || profile.startsWith("localhost/");
  }

  private static Violation annotationViolation(Workload w, String key, String profile) {
    Map<String, Object> remove = new HashMap<>();
    remove.put(key, null);
    return Violation.of(
            w.object(),
            w.metadataPath() + ".annotations['" + key + "']",
            "annotation " + key + " sets AppArmor profile \"" + profile + "\"")
        .withValue(profile)
        .withPatch(Patches.object(w.object(), w.metadataPath() + ".annotations", remove));
  }
}
