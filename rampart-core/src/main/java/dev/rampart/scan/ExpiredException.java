package dev.rampart.scan;

/**
 * An exception whose expiry date has passed: it no longer applies, and the report says so.
 *
 * @param checks the check ids it named
 * @param scope a description of what it covered
 * @param source where it was declared
 */
public record ExpiredException(
    String checks, String scope, String reason, String source, String expired) {}
