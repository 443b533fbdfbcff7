package dev.rampart.checks;

import dev.rampart.snapshot.KubeObject;

/**
 * One failed evaluation, as a check reports it: the object, the container (if the problem is in
 * one), the JSON path of the offending field, its value (never a secret's value), a message and,
 * where one exists, a patch that fixes it.
 */
public record Violation(
    KubeObject object, String container, String field, String value, String message, Patch patch) {

  public static Violation of(KubeObject object, String field, String message) {
    return new Violation(object, null, field, null, message, null);
  }

  public Violation inContainer(String name) {
    return new Violation(object, name, field, value, message, patch);
  }

  public Violation withValue(Object newValue) {
    return new Violation(
        object,
        container,
        field,
        newValue == null ? null : String.valueOf(newValue),
        message,
        patch);
  }

  public Violation withPatch(Patch newPatch) {
    return new Violation(object, container, field, value, message, newPatch);
  }
}
