package dev.rampart.checks.rbac;

import dev.rampart.checks.Category;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckInfo;
import dev.rampart.checks.Results;
import dev.rampart.checks.Severity;
import dev.rampart.checks.Violation;
import dev.rampart.rbac.Binding;
import dev.rampart.rbac.BuiltIns;
import dev.rampart.rbac.Escalation;
import dev.rampart.rbac.Escalations;
import dev.rampart.rbac.Grant;
import dev.rampart.rbac.Rbac;
import dev.rampart.rbac.Subject;
import dev.rampart.snapshot.Snapshot;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

@CheckInfo(
    id = "escalation-to-cluster-admin",
    title = "Subject can make itself cluster-admin in one step",
    severity = Severity.CRITICAL,
    category = Category.RBAC,
    frameworks = {
      "cis-k8s-1.9:5.1.7",
      "cis-k8s-1.9:5.1.8",
      "nsa-cisa:authentication-authorization",
      "mitre:t1078",
      "mitre:t1098"
    },
    why =
        """
        Some permissions hand over an administrator's identity: binding or escalating roles, \
        impersonating an admin, starting or entering a pod that runs as an admin service account, \
        minting or reading that account's token, approving a client certificate for \
        system:masters, registering a mutating webhook. A subject that holds one is cluster-admin \
        in all but name, and so is whoever compromises it.""",
    remediation =
        """
        Remove the enabling permission (the finding names the binding and rule), or remove the \
        admin identity it leads to: an admin service account with a long-lived token Secret, or a \
        workload that runs as one. `rampart access SUBJECT` shows the full chain.""",
    notes =
        """
        Subjects that are cluster-admin directly are reported by cluster-admin-binding, and so \
        are cluster-wide bindings that check counts as everything (every standard verb on every \
        resource, or ClusterRole/cluster-admin however the input narrows it). One step \
        only: longer chains are the attack-path analysis's. Built-in bindings of system \
        identities are not reported.""")
public final class EscalationToClusterAdmin implements Check {

  @Override
  public Set<String> requires() {
    return RbacKinds.ESCALATIONS;
  }

  @Override
  public void run(Snapshot snapshot, CheckContext context, Results results) {
    Rbac rbac = Rbac.of(snapshot);
    Escalations escalations = Escalations.of(rbac);
    Map<Binding, Map<Integer, Set<String>>> found = new IdentityHashMap<>();
    for (Subject s : rbac.boundSubjects()) {
      for (Escalation e : escalations.of(s)) {
        if (e.isDirect()) {
          continue;
        }
        for (Grant g : e.enablingGrants()) {
          if (g.grantee().equals(s)) {
            found
                .computeIfAbsent(g.binding(), k -> new TreeMap<>())
                .computeIfAbsent(g.subjectIndex(), k -> new LinkedHashSet<>())
                .add(e.summary());
          }
        }
      }
    }
    for (Binding b : rbac.bindings()) {
      if (BuiltIns.isBuiltInBinding(b)) {
        results.notApplicable(b.object(), "built-in binding of system identities");
        continue;
      }
      if (b.isClusterWide() && ClusterAdminBinding.grantsEverything(b, rbac.role(b))) {
        results.notApplicable(
            b.object(), "grants everything cluster-wide: cluster-admin-binding reports it");
        continue;
      }
      Map<Integer, Set<String>> bySubject = found.get(b);
      if (bySubject == null) {
        results.pass(b.object());
        continue;
      }
      bySubject.forEach(
          (index, summaries) -> {
            Subject s = b.subjects().get(index);
            results.fail(
                Violation.of(
                        b.object(),
                        Binding.subjectPath(index),
                        Holders.name(s, rbac)
                            + " can become cluster-admin in one step: "
                            + String.join("; ", summaries)
                            + Holders.mounted(s, rbac))
                    .withValue(s.display()));
          });
    }
  }
}
