package dev.rampart.checks.supply;

import java.util.List;
import java.util.Locale;

/**
 * The registries an organisation trusts, from {@code trustedRegistries} in {@code rampart.yaml}. An
 * entry is a host ({@code registry.example.com}, {@code registry.example.com:5000}), a host with a
 * path prefix ({@code docker.io/library}, {@code ghcr.io/example}) or a wildcard over subdomains
 * ({@code *.dkr.ecr.eu-west-1.amazonaws.com}). Prefixes match whole path components.
 */
final class TrustedRegistries {

  private record Entry(String host, String pathPrefix) {}

  private final List<Entry> entries;

  TrustedRegistries(List<String> settings) {
    this.entries = settings.stream().map(TrustedRegistries::entry).toList();
  }

  private static Entry entry(String setting) {
    String s = setting.strip();
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    int slash = s.indexOf('/');
    String host = slash < 0 ? s : s.substring(0, slash);
    String path = slash < 0 ? null : s.substring(slash + 1);
    return new Entry(ImageReference.canonicalHost(host), path);
  }

  /** Whether some entry trusts the registry (and path) of {@code ref}. */
  boolean trusts(ImageReference ref) {
    return entries.stream().anyMatch(e -> matches(e, ref));
  }

  private static boolean matches(Entry e, ImageReference ref) {
    String registry = ref.registry().toLowerCase(Locale.ROOT);
    boolean host =
        e.host().startsWith("*.")
            ? registry.endsWith(e.host().substring(1))
            : registry.equals(e.host());
    if (!host) {
      return false;
    }
    return e.pathPrefix() == null
        || ref.repository().equals(e.pathPrefix())
        || ref.repository().startsWith(e.pathPrefix() + "/");
  }
}
