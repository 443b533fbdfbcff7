package dev.rampart.checks;

/**
 * A machine-applicable fix.
 *
 * @param type {@code strategic-merge} (what {@code kubectl patch --type=strategic} takes)
 * @param content the patch document, JSON
 * @param command a ready-to-run command that applies it to a live cluster
 */
public record Patch(String type, String content, String command) {}
