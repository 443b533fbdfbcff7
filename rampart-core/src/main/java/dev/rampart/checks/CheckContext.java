package dev.rampart.checks;

import dev.rampart.checks.version.VersionData;
import java.time.Instant;
import java.util.List;

/**
 * What a check may know besides the snapshot: the user's settings that change a verdict, and the
 * knowledge Rampart ships.
 *
 * @param trustedRegistries image registries (host, or host/path prefix) the organisation trusts;
 *     empty means "not configured", and the registry check then reports not evaluated
 * @param now the scan time, for anything judged against a date
 * @param versions Kubernetes releases and known vulnerabilities; {@link VersionData#NONE} when none
 *     is loaded, and the version checks then report not evaluated
 */
public record CheckContext(List<String> trustedRegistries, Instant now, VersionData versions) {

  public CheckContext {
    trustedRegistries = List.copyOf(trustedRegistries);
    versions = versions == null ? VersionData.NONE : versions;
  }

  public CheckContext(List<String> trustedRegistries, Instant now) {
    this(trustedRegistries, now, VersionData.NONE);
  }

  public static CheckContext defaults() {
    return new CheckContext(List.of(), Instant.now());
  }

  public CheckContext withVersions(VersionData data) {
    return new CheckContext(trustedRegistries, now, data);
  }

  public CheckContext withNow(Instant time) {
    return new CheckContext(trustedRegistries, time, versions);
  }
}
