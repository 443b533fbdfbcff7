package dev.rampart.checks.version;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What Rampart knows about versions: Kubernetes release lines with their end of life, and known
 * vulnerabilities with affected ranges. Bundled as a versioned file, replaceable with a newer one
 * ({@code rampart data update}); see {@code docs/control-plane.md}.
 *
 * @param version the data's own version, e.g. {@code 2026.11.1}; null for {@link #NONE}
 * @param date when the data was compiled
 * @param sources where it comes from
 */
public record VersionData(
    String version,
    LocalDate date,
    List<String> sources,
    List<KubernetesRelease> releases,
    List<KnownVulnerability> vulnerabilities) {

  /** No data loaded: the version checks report "not evaluated". */
  public static final VersionData NONE =
      new VersionData(null, null, List.of(), List.of(), List.of());

  public VersionData {
    sources = List.copyOf(sources);
    releases = releases.stream().sorted(Comparator.comparing(KubernetesRelease::minor)).toList();
    vulnerabilities = List.copyOf(vulnerabilities);
  }

  public boolean isLoaded() {
    return version != null;
  }

  /** {@code version (date)}, how reports cite the data. */
  public String describe() {
    return isLoaded() ? "Rampart version data " + version + " (" + date + ")" : "no version data";
  }

  public Optional<KubernetesRelease> release(Version v) {
    return releases.stream()
        .filter(r -> r.minor().major() == v.major() && r.minor().minor() == v.minor())
        .findFirst();
  }

  /** Whether {@code v}'s release line is older than every line in the data (long gone). */
  public boolean olderThanAll(Version v) {
    return !releases.isEmpty() && minorOf(v).isBefore(releases.get(0).minor());
  }

  /** Whether {@code v}'s release line is newer than every line in the data (data too old). */
  public boolean newerThanAll(Version v) {
    return !releases.isEmpty() && releases.get(releases.size() - 1).minor().isBefore(minorOf(v));
  }

  /** The known vulnerabilities of {@code component} that affect {@code v} on {@code os}. */
  public List<KnownVulnerability> affecting(String component, Version v, String os) {
    return vulnerabilities.stream()
        .filter(k -> k.component().equals(component))
        .filter(k -> k.os() == null || k.os().equalsIgnoreCase(os))
        .filter(k -> k.affects(v))
        .toList();
  }

  private static Version minorOf(Version v) {
    return Version.of(v.minorLine());
  }
}
