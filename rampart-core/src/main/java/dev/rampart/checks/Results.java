package dev.rampart.checks;

import dev.rampart.snapshot.KubeObject;

/** Where a check reports each evaluation. Not evaluated is never reported as pass. */
public interface Results {

  void pass(KubeObject object);

  void fail(Violation violation);

  /** The check does not apply here (e.g. a Windows pod for a Linux-only control). */
  void notApplicable(KubeObject object, String reason);

  /** The data needed was missing (a 403, a setting not configured): say why. */
  void notEvaluated(String reason);
}
