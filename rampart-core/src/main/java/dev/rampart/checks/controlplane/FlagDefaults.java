package dev.rampart.checks.controlplane;

import dev.rampart.checks.version.Version;
import java.util.List;
import java.util.Optional;

/**
 * What a component does when a flag is absent, per Kubernetes version: the one place that knows the
 * defaults. Taken from each component's {@code --help} and the Kubernetes changelogs; kube-bench
 * (cfg/cis-1.9) tests the same flags. A flag that a version does not have (removed, or not yet
 * added) has no default there.
 */
public final class FlagDefaults {

  /** A default, valid for versions in [since, until); null bounds are open. */
  private record Entry(Component component, String flag, String since, String until, String value) {

    boolean appliesTo(Version v) {
      return (since == null || v.isAtLeast(Version.of(since)))
          && (until == null || v.isBefore(Version.of(until)));
    }
  }

  private static final List<Entry> TABLE =
      List.of(
          // kube-apiserver
          new Entry(Component.KUBE_APISERVER, "anonymous-auth", null, null, "true"),
          // Defaults to AlwaysAllow unless --authorization-config (1.29+) configures authorizers.
          new Entry(Component.KUBE_APISERVER, "authorization-mode", null, null, "AlwaysAllow"),
          new Entry(Component.KUBE_APISERVER, "profiling", null, null, "true"),
          new Entry(Component.KUBE_APISERVER, "service-account-lookup", null, null, "true"),
          // The unauthenticated port: 8080 on localhost until 1.20 made 0 the default; the flag
          // was removed in 1.24.
          new Entry(Component.KUBE_APISERVER, "insecure-port", null, "1.20", "8080"),
          new Entry(Component.KUBE_APISERVER, "insecure-port", "1.20", "1.24", "0"),
          new Entry(Component.KUBE_APISERVER, "insecure-bind-address", null, "1.24", "127.0.0.1"),
          new Entry(Component.KUBE_APISERVER, "audit-log-maxage", null, null, "0"),
          new Entry(Component.KUBE_APISERVER, "audit-log-maxbackup", null, null, "0"),
          new Entry(Component.KUBE_APISERVER, "audit-log-maxsize", null, null, "0"),
          new Entry(Component.KUBE_APISERVER, "tls-min-version", null, null, "VersionTLS12"),
          // kube-controller-manager
          new Entry(Component.KUBE_CONTROLLER_MANAGER, "profiling", null, null, "true"),
          new Entry(
              Component.KUBE_CONTROLLER_MANAGER,
              "use-service-account-credentials",
              null,
              null,
              "false"),
          new Entry(Component.KUBE_CONTROLLER_MANAGER, "bind-address", null, null, "0.0.0.0"),
          new Entry(
              Component.KUBE_CONTROLLER_MANAGER,
              "terminated-pod-gc-threshold",
              null,
              null,
              "12500"),
          // kube-scheduler
          new Entry(Component.KUBE_SCHEDULER, "profiling", null, null, "true"),
          new Entry(Component.KUBE_SCHEDULER, "bind-address", null, null, "0.0.0.0"),
          // etcd
          new Entry(Component.ETCD, "client-cert-auth", null, null, "false"),
          new Entry(Component.ETCD, "peer-client-cert-auth", null, null, "false"),
          new Entry(Component.ETCD, "auto-tls", null, null, "false"),
          new Entry(Component.ETCD, "peer-auto-tls", null, null, "false"));

  /** The newest Kubernetes version the table was written for, used when the version is unknown. */
  static final Version CURRENT = Version.of("1.34.0");

  private FlagDefaults() {}

  /**
   * The value {@code component} uses when {@code flag} is absent, for {@code version} (the newest
   * defaults when null); empty when the flag has no default there or does not exist.
   */
  public static Optional<String> of(Component component, String flag, Version version) {
    Version v = version == null ? CURRENT : version;
    return TABLE.stream()
        .filter(e -> e.component() == component && e.flag().equals(flag) && e.appliesTo(v))
        .map(Entry::value)
        .findFirst();
  }
}
