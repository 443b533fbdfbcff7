package dev.rampart.checks.rbac;

import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.Results;
import dev.rampart.checks.Violation;
import dev.rampart.rbac.Binding;
import dev.rampart.rbac.BuiltIns;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.Subject;
import dev.rampart.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A check of each subject of each binding that is not built-in: fails on {@code subjects[i]} with
 * the message {@link #problem} returns, passes a binding none of whose subjects has one.
 */
abstract class BindingCheck implements Check {

  @Override
  public Set<String> requires() {
    return RbacKinds.GRANTS;
  }

  /** What is wrong with granting to {@code s} through {@code b}; null when nothing is. */
  protected abstract String problem(Subject s, Binding b, Rbac rbac);

  /** Why the whole check cannot be evaluated on this snapshot; null when it can. */
  protected String notEvaluated(Rbac rbac) {
    return null;
  }

  @Override
  public final void run(Snapshot snapshot, CheckContext context, Results results) {
    Rbac rbac = Rbac.of(snapshot);
    String reason = notEvaluated(rbac);
    if (reason != null) {
      if (!rbac.bindings().isEmpty()) {
        results.notEvaluated(reason);
      }
      return;
    }
    List<Violation> found = new ArrayList<>();
    for (Binding b : rbac.bindings()) {
      if (BuiltIns.isBuiltInBinding(b)) {
        results.notApplicable(b.object(), "built-in binding of system identities");
        continue;
      }
      found.clear();
      for (int i = 0; i < b.subjects().size(); i++) {
        Subject s = b.subjects().get(i);
        String problem = s == null ? null : problem(s, b, rbac);
        if (problem != null) {
          found.add(
              Violation.of(b.object(), Binding.subjectPath(i), problem).withValue(s.display()));
        }
      }
      if (found.isEmpty()) {
        results.pass(b.object());
      } else {
        found.forEach(results::fail);
      }
    }
  }
}
