package dev.rampart.scan;

/**
 * An accepted risk that suppressed a finding.
 *
 * @param findingId the fingerprint of the suppressed finding
 * @param resource {@code Kind/namespace/name} of the object
 * @param source where the exception was declared: {@code rampart.yaml:LINE} or {@code annotation}
 * @param expires the expiry date ({@code YYYY-MM-DD}), or null when it does not expire
 */
public record AppliedException(
    String findingId,
    String checkId,
    String resource,
    String container,
    String reason,
    String source,
    String expires) {}
