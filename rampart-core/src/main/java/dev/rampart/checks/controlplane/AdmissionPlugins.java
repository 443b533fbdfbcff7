package dev.rampart.checks.controlplane;

import dev.rampart.checks.version.Version;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The admission plugins a kube-apiserver runs: the plugins on by default for its version, plus
 * {@code --enable-admission-plugins}, minus {@code --disable-admission-plugins}. The legacy {@code
 * --admission-control} (deprecated since 1.10) lists exactly the plugins that run.
 */
public final class AdmissionPlugins {

  private record Default(String plugin, String since) {}

  /**
   * The default-on plugins that checks care about. Before 1.10 the default was {@code AlwaysAdmit}
   * alone: no plugin protected anything unless the flag listed it.
   */
  private static final List<Default> DEFAULTS =
      List.of(
          new Default("NamespaceLifecycle", "1.10"),
          new Default("ServiceAccount", "1.10"),
          new Default("LimitRanger", "1.10"),
          new Default("ResourceQuota", "1.10"),
          new Default("MutatingAdmissionWebhook", "1.10"),
          new Default("ValidatingAdmissionWebhook", "1.10"),
          new Default("PodSecurity", "1.23"));

  private final Set<String> enabled;
  private final boolean legacy;

  private AdmissionPlugins(Set<String> enabled, boolean legacy) {
    this.enabled = Set.copyOf(enabled);
    this.legacy = legacy;
  }

  public static AdmissionPlugins of(Flags flags, Version version) {
    Version v = version == null ? FlagDefaults.CURRENT : version;
    if (flags.has("admission-control")) {
      return new AdmissionPlugins(new LinkedHashSet<>(flags.list("admission-control")), true);
    }
    Set<String> on = new LinkedHashSet<>();
    if (!v.isAtLeast(1, 10)) {
      on.add("AlwaysAdmit");
    }
    for (Default d : DEFAULTS) {
      if (v.isAtLeast(Version.of(d.since()))) {
        on.add(d.plugin());
      }
    }
    on.addAll(flags.list("enable-admission-plugins"));
    flags.list("disable-admission-plugins").forEach(on::remove);
    return new AdmissionPlugins(on, false);
  }

  public boolean enabled(String plugin) {
    return enabled.contains(plugin);
  }

  /** Whether the plugin list came from the legacy {@code --admission-control} flag. */
  public boolean legacy() {
    return legacy;
  }
}
