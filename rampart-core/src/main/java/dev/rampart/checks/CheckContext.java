package dev.rampart.checks;

import java.time.Instant;
import java.util.List;

/**
 * What a check may know besides the snapshot: the user's settings that change a verdict.
 *
 * @param trustedRegistries image registries (host, or host/path prefix) the organisation trusts;
 *     empty means "not configured", and the registry check then reports not evaluated
 * @param now the scan time, for anything judged against a date
 */
public record CheckContext(List<String> trustedRegistries, Instant now) {

  public CheckContext {
    trustedRegistries = List.copyOf(trustedRegistries);
  }

  public static CheckContext defaults() {
    return new CheckContext(List.of(), Instant.now());
  }
}
