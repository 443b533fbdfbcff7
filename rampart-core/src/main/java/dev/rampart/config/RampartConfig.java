package dev.rampart.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * The optional {@code rampart.yaml}: the cluster's name, trusted registries, check settings, asset
 * groups and exceptions. Unknown keys are errors (see {@link ConfigLoader}).
 *
 * @param cluster the name used in fingerprints, so that findings keep their ids across scans
 */
public record RampartConfig(
    String apiVersion,
    String kind,
    String cluster,
    List<String> trustedRegistries,
    CheckSettings checks,
    List<AssetGroup> assetGroups,
    List<ExceptionRule> exceptions) {

  public static final String API_VERSION = "rampart.dev/v1";
  public static final String KIND = "Config";
  public static final RampartConfig EMPTY =
      new RampartConfig(API_VERSION, KIND, null, null, null, null, null);

  public RampartConfig {
    trustedRegistries = trustedRegistries == null ? List.of() : List.copyOf(trustedRegistries);
    checks = checks == null ? new CheckSettings(null, null) : checks;
    assetGroups = assetGroups == null ? List.of() : List.copyOf(assetGroups);
    exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
  }

  /** Checks switched off, and severities changed, by check id. */
  public record CheckSettings(List<String> disable, Map<String, String> severity) {
    public CheckSettings {
      disable = disable == null ? List.of() : List.copyOf(disable);
      severity = severity == null ? Map.of() : Map.copyOf(severity);
    }
  }

  /**
   * A named set of assets and how much they matter.
   *
   * @param criticality critical, high, medium or low
   */
  public record AssetGroup(String name, String criticality, String description, Match match) {}

  /** What belongs to an asset group: every non-empty condition must hold. */
  public record Match(List<String> namespaces, Map<String, String> labels, List<String> kinds) {
    public Match {
      namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
      labels = labels == null ? Map.of() : Map.copyOf(labels);
      kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }
  }

  /**
   * An accepted risk.
   *
   * @param checks the check ids it covers ({@code "*"} for every check)
   * @param expires {@code YYYY-MM-DD}; from that day on the exception no longer applies
   * @param line the line of the exception in the file, set by the loader
   */
  public record ExceptionRule(
      List<String> checks, Scope scope, String reason, String expires, @JsonIgnore int line) {
    public ExceptionRule {
      checks = checks == null ? List.of() : List.copyOf(checks);
      scope = scope == null ? new Scope(null, null, null, null, null) : scope;
    }

    public ExceptionRule atLine(int newLine) {
      return new ExceptionRule(checks, scope, reason, expires, newLine);
    }
  }

  /**
   * Which objects an exception covers; every condition given must hold. {@code name} may end with
   * {@code *} to match a prefix.
   */
  public record Scope(
      String namespace, String kind, String name, String container, Map<String, String> labels) {
    public Scope {
      labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
  }
}
