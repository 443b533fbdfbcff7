package dev.rampart.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;

/**
 * One rule of a role, matched exactly as the Kubernetes RBAC authorizer matches it ({@code
 * RuleAllows} in {@code plugin/pkg/auth/authorizer/rbac}): every list is a set of alternatives,
 * {@code *} matches anything in verbs, API groups and resources (and, in resources, subresources
 * too), {@code *}{@code /sub} matches that subresource of any resource, an empty resourceNames list
 * matches any name while a non-empty one matches only requests that carry one of the names, and a
 * non-resource URL ending in {@code *} matches by prefix.
 *
 * <p>There is no {@code pods/*} form: the authorizer compares such an entry literally, so it only
 * matches a request for a subresource literally named {@code *}.
 *
 * @param origin the name of the role the rule is written in (for an aggregated ClusterRole, the
 *     component role that contributed it)
 */
public record Rule(
    List<String> verbs,
    List<String> apiGroups,
    List<String> resources,
    List<String> resourceNames,
    List<String> nonResourceURLs,
    String origin) {

  public static final String ALL = "*";

  public Rule {
    verbs = copy(verbs);
    apiGroups = copy(apiGroups);
    resources = copy(resources);
    resourceNames = copy(resourceNames);
    nonResourceURLs = copy(nonResourceURLs);
  }

  public static Rule of(PolicyRule r, String origin) {
    return new Rule(
        r.getVerbs(),
        r.getApiGroups(),
        r.getResources(),
        r.getResourceNames(),
        r.getNonResourceURLs(),
        origin);
  }

  private static List<String> copy(List<String> list) {
    return list == null ? List.of() : list.stream().map(s -> s == null ? "" : s).toList();
  }

  public boolean allows(Request q) {
    if (!verbMatches(q.verb())) {
      return false;
    }
    if (!q.isResourceRequest()) {
      return nonResourceURLMatches(q.path());
    }
    return apiGroupMatches(q.apiGroup())
        && resourceMatches(q.combinedResource(), q.subresource())
        && resourceNameMatches(q.name());
  }

  /**
   * Whether the rule allows the request for at least one object name: resourceNames are not
   * consulted. For questions such as "can S impersonate some user at all?".
   */
  boolean allowsSomeName(Request q) {
    return q.isResourceRequest()
        && verbMatches(q.verb())
        && apiGroupMatches(q.apiGroup())
        && resourceMatches(q.combinedResource(), q.subresource());
  }

  boolean verbMatches(String verb) {
    return verbs.contains(ALL) || verbs.contains(verb);
  }

  /** A null group stands for "the resource's group, whichever it is": any listed group will do. */
  boolean apiGroupMatches(String group) {
    if (group == null) {
      return !apiGroups.isEmpty();
    }
    return apiGroups.contains(ALL) || apiGroups.contains(group);
  }

  boolean resourceMatches(String combined, String subresource) {
    for (String r : resources) {
      if (r.equals(ALL) || r.equals(combined)) {
        return true;
      }
      if (!subresource.isEmpty()
          && r.length() == subresource.length() + 2
          && r.startsWith("*/")
          && r.endsWith(subresource)) {
        return true;
      }
    }
    return false;
  }

  boolean resourceNameMatches(String name) {
    return resourceNames.isEmpty() || resourceNames.contains(name);
  }

  boolean nonResourceURLMatches(String path) {
    for (String url : nonResourceURLs) {
      if (url.equals(ALL) || url.equals(path)) {
        return true;
      }
      if (url.endsWith("*") && path.startsWith(stripTrailingStars(url))) {
        return true;
      }
    }
    return false;
  }

  /** Go's {@code strings.TrimRight(url, "*")}: every trailing star goes. */
  private static String stripTrailingStars(String url) {
    int end = url.length();
    while (end > 0 && url.charAt(end - 1) == '*') {
      end--;
    }
    return url.substring(0, end);
  }

  /** Whether the rule uses a wildcard in verbs, API groups, resources or non-resource URLs. */
  public boolean hasWildcard() {
    return verbs.contains(ALL)
        || apiGroups.contains(ALL)
        || resources.contains(ALL)
        || resources.stream().anyMatch(r -> r.startsWith("*/"))
        || nonResourceURLs.contains(ALL);
  }

  /** Every verb on every resource of every group, on any object: what cluster-admin holds. */
  public boolean grantsEverything() {
    return verbs.contains(ALL) && coversEveryObject();
  }

  /** Whether the rule applies to every resource of every group, on any object, for its verbs. */
  boolean coversEveryObject() {
    return apiGroups.contains(ALL) && resources.contains(ALL) && resourceNames.isEmpty();
  }

  /** e.g. {@code get,list secrets}, {@code get pods/exec [web-0]}, {@code get URLs /metrics}. */
  public String describe() {
    return String.join(",", verbs) + " " + describeTargets();
  }

  /** What the rule applies to, without its verbs: {@code secrets}, {@code URLs /metrics}. */
  public String describeTargets() {
    StringBuilder sb = new StringBuilder();
    if (!resources.isEmpty()) {
      sb.append(String.join(",", resources.stream().map(this::qualified).toList()));
      if (!resourceNames.isEmpty()) {
        sb.append(" [").append(String.join(",", resourceNames)).append(']');
      }
    }
    if (!nonResourceURLs.isEmpty()) {
      if (!resources.isEmpty()) {
        sb.append(' ');
      }
      sb.append("URLs ").append(String.join(",", nonResourceURLs));
    }
    return sb.toString();
  }

  private String qualified(String resource) {
    if (apiGroups.size() == 1 && apiGroups.get(0).isEmpty()) {
      return resource;
    }
    return resource
        + "."
        + (apiGroups.size() == 1 ? apiGroups.get(0) : "{" + String.join(",", apiGroups) + "}");
  }
}
