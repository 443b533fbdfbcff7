package dev.rampart.scan;

import dev.rampart.checks.Finding;
import dev.rampart.config.RampartConfig.ExceptionRule;
import dev.rampart.config.RampartConfig.Scope;
import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accepted risks: rules from {@code rampart.yaml} and annotations on the objects themselves. A
 * finding an exception covers is removed from the findings and listed as applied; an exception past
 * its expiry date no longer applies and is listed as expired. Both sources behave the same.
 *
 * <p>The annotations, on the object (for workloads: on the workload, not its pod template):
 *
 * <pre>
 * rampart.dev/accept: privileged-container,host-namespaces   # check ids, or *
 * rampart.dev/accept-reason: node agent, needs the host PID namespace
 * rampart.dev/accept-expires: 2027-06-30                      # optional
 * </pre>
 */
public final class Exceptions {

  public static final String ACCEPT = "rampart.dev/accept";
  public static final String ACCEPT_REASON = "rampart.dev/accept-reason";
  public static final String ACCEPT_EXPIRES = "rampart.dev/accept-expires";

  private final List<Rule> active = new ArrayList<>();
  private final List<ExpiredException> expired = new ArrayList<>();
  private final List<InputProblem> warnings = new ArrayList<>();
  private final Snapshot snapshot;

  /** One exception, from either source. {@code object} is set for annotations. */
  private record Rule(
      Set<String> checks,
      Scope scope,
      KubeObject object,
      String reason,
      String expires,
      String source) {

    boolean covers(Finding f, Optional<KubeObject> target) {
      if (!checks.contains("*") && !checks.contains(f.checkId())) {
        return false;
      }
      Finding.Resource r = f.resource();
      if (object != null) {
        return target.isPresent() && target.get() == object;
      }
      return matches(scope.namespace(), r.namespace())
          && matches(scope.kind(), r.kind())
          && matchesName(scope.name(), r.name())
          && matches(scope.container(), r.container())
          && labelsMatch(scope.labels(), target);
    }

    private static boolean matches(String wanted, String actual) {
      return wanted == null || wanted.equals(actual);
    }

    private static boolean matchesName(String wanted, String actual) {
      if (wanted == null) {
        return true;
      }
      if (wanted.endsWith("*")) {
        return actual.startsWith(wanted.substring(0, wanted.length() - 1));
      }
      return wanted.equals(actual);
    }

    private static boolean labelsMatch(Map<String, String> wanted, Optional<KubeObject> target) {
      if (wanted.isEmpty()) {
        return true;
      }
      Map<String, String> labels = target.map(KubeObject::labels).orElse(Map.of());
      return labels.entrySet().containsAll(wanted.entrySet());
    }
  }

  public Exceptions(
      List<ExceptionRule> configured, String configName, Snapshot snapshot, LocalDate today) {
    this.snapshot = snapshot;
    for (ExceptionRule e : configured) {
      String source = configName + (e.line() > 0 ? ":" + e.line() : "");
      add(
          new Rule(Set.copyOf(e.checks()), e.scope(), null, e.reason(), e.expires(), source),
          today,
          describe(e.scope()));
    }
    for (KubeObject o : snapshot.objects()) {
      String accept = o.annotations().get(ACCEPT);
      if (accept == null) {
        continue;
      }
      String reason = o.annotations().get(ACCEPT_REASON);
      if (reason == null || reason.isBlank()) {
        warnings.add(
            InputProblem.warning(
                o.origin().file(),
                o.origin().line(),
                o.origin().document(),
                o.ref().display()
                    + ": annotation "
                    + ACCEPT
                    + " without "
                    + ACCEPT_REASON
                    + " is ignored: an accepted risk needs a reason"));
        continue;
      }
      String expires = o.annotations().get(ACCEPT_EXPIRES);
      if (expires != null && !isDate(expires)) {
        warnings.add(
            InputProblem.warning(
                o.origin().file(),
                o.origin().line(),
                o.origin().document(),
                o.ref().display()
                    + ": "
                    + ACCEPT_EXPIRES
                    + " must be a date YYYY-MM-DD; the exception is ignored"));
        continue;
      }
      Set<String> checks = Set.of(accept.trim().split("\\s*,\\s*"));
      add(
          new Rule(checks, null, o, reason, expires, "annotation on " + o.ref().display()),
          today,
          o.ref().display());
    }
  }

  private void add(Rule rule, LocalDate today, String scope) {
    if (rule.expires() != null && !today.isBefore(LocalDate.parse(rule.expires()))) {
      expired.add(
          new ExpiredException(
              String.join(",", rule.checks().stream().sorted().toList()),
              scope,
              rule.reason(),
              rule.source(),
              rule.expires()));
    } else {
      active.add(rule);
    }
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text.trim());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String describe(Scope s) {
    List<String> parts = new ArrayList<>();
    if (s.namespace() != null) {
      parts.add("namespace=" + s.namespace());
    }
    if (s.kind() != null) {
      parts.add("kind=" + s.kind());
    }
    if (s.name() != null) {
      parts.add("name=" + s.name());
    }
    if (s.container() != null) {
      parts.add("container=" + s.container());
    }
    s.labels().forEach((k, v) -> parts.add(k + "=" + v));
    return parts.isEmpty() ? "everything" : String.join(" ", parts);
  }

  /** The exception that covers {@code f}, if any. */
  public Optional<AppliedException> match(Finding f) {
    if (active.isEmpty()) {
      // The common case: nothing to look up for each finding.
      return Optional.empty();
    }
    Finding.Resource r = f.resource();
    Optional<KubeObject> target = snapshot.find(r.kind(), r.namespace(), r.name());
    for (Rule rule : active) {
      if (rule.covers(f, target)) {
        String resource =
            new dev.rampart.snapshot.ObjectRef(r.apiVersion(), r.kind(), r.namespace(), r.name())
                .display();
        return Optional.of(
            new AppliedException(
                f.id(),
                f.checkId(),
                resource,
                r.container(),
                rule.reason(),
                rule.source(),
                rule.expires()));
      }
    }
    return Optional.empty();
  }

  public List<ExpiredException> expired() {
    return List.copyOf(expired);
  }

  /** Annotations that could not be used as exceptions. */
  public List<InputProblem> warnings() {
    return List.copyOf(warnings);
  }
}
