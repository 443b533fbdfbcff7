package dev.rampart.checks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata of a check, declared on the check's class so that logic and description cannot drift
 * apart. The catalog, {@code rampart explain} and the generated documentation all read it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CheckInfo {

  /** Stable, lower-case, named after the problem, e.g. {@code privileged-container}. */
  String id();

  /** The problem, as a sentence fragment without a trailing period. */
  String title();

  Severity severity();

  Category category();

  /**
   * Framework controls, lower-case: {@code pss:baseline/<control>}, {@code
   * pss:restricted/<control>}, {@code cis-k8s-1.9:<id>}, {@code nsa-cisa:<section>}, {@code
   * mitre:<technique-id>}.
   */
  String[] frameworks();

  /** Why it matters: what an attacker gains, or what breaks. */
  String why();

  /** How to fix it, in words; a machine-applicable patch comes with each finding where possible. */
  String remediation();

  /** Limits of the check and deliberate differences from other tools, if any. */
  String notes() default "";
}
