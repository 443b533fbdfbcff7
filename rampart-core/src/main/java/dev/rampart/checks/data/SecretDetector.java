package dev.rampart.checks.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes credentials written in plain text, by the format of well-known tokens and keys or by a
 * name that says "secret" next to a literal value. It answers why, never with the value itself.
 */
final class SecretDetector {

  /** What evidence shows in place of a value that looks like a secret. */
  static final String REDACTED = "<redacted>";

  /**
   * A credential format. {@code anchors} are literals one of which every match contains: a cheap
   * {@code indexOf} rules most values out before the regular expression runs, which matters for
   * ConfigMaps that hold megabytes of dashboards.
   */
  private record Format(String description, Pattern pattern, List<String> anchors) {
    Format(String description, String regex, String... anchors) {
      this(description, Pattern.compile(regex), List.of(anchors));
    }

    boolean foundIn(String value) {
      for (String anchor : anchors) {
        if (value.contains(anchor)) {
          return pattern.matcher(value).find();
        }
      }
      return false;
    }
  }

  private static final List<Format> FORMATS =
      List.of(
          new Format(
              "a private key",
              "(?i)-{3,}\\s*BEGIN\\s+[A-Z0-9 ]*PRIVATE\\s+KEY(\\s+BLOCK)?\\s*-{3,}",
              "PRIVATE",
              "private",
              "Private"),
          new Format(
              "an AWS access key id",
              "\\b(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b",
              "AKIA",
              "ASIA",
              "ABIA",
              "ACCA"),
          new Format(
              "a GitHub token",
              "\\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})",
              "ghp_",
              "gho_",
              "ghu_",
              "ghs_",
              "ghr_",
              "github_pat_"),
          new Format("a GitLab token", "\\bglpat-[A-Za-z0-9_-]{20,}", "glpat-"),
          new Format("a Slack token", "\\bxox[abposr]-[A-Za-z0-9-]{10,}", "xox"),
          new Format(
              "a Slack webhook URL",
              "https://hooks\\.slack\\.com/services/[A-Za-z0-9_/-]{20,}",
              "hooks.slack.com"),
          new Format("a Google API key", "\\bAIza[0-9A-Za-z_-]{35}", "AIza"),
          new Format("a Stripe live key", "\\b[rs]k_live_[0-9A-Za-z]{20,}", "k_live_"),
          new Format(
              "a JSON Web Token",
              "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}",
              "eyJ"),
          new Format(
              "a URL with a password",
              "\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s/:@]+:[^\\s/@$<{][^\\s/@]*@",
              "://"));

  /** Name words that say the value is a secret. */
  private static final List<String> SECRET_WORDS =
      List.of(
          "password",
          "passwd",
          "passphrase",
          "secret",
          "credential",
          "bearer",
          "apikey",
          "privatekey",
          "accesskey",
          "authkey",
          "signingkey",
          "encryptionkey",
          "masterkey",
          "accountkey",
          "storagekey",
          "sessionkey",
          "hmackey",
          "licensekey",
          "keycontent",
          "connectionstring");

  /** Whole name parts that say the value is a secret. */
  private static final Set<String> SECRET_PARTS = Set.of("pwd", "pass", "creds", "tokens");

  /** Name parts that hint at a secret when the value also looks random. */
  private static final Set<String> HINT_PARTS =
      Set.of("key", "keys", "auth", "salt", "signature", "sig", "private", "cookie");

  /**
   * Last name parts that describe a secret rather than hold it: {@code SECRET_NAME}, {@code
   * PASSWORD_FILE}, {@code TOKEN_URL}, {@code ACCESS_KEY_ID}.
   */
  private static final Set<String> DESCRIBING =
      Set.of(
          "name",
          "names",
          "ref",
          "file",
          "files",
          "path",
          "dir",
          "directory",
          "url",
          "uri",
          "endpoint",
          "host",
          "hostname",
          "port",
          "user",
          "username",
          "login",
          "id",
          "ids",
          "arn",
          "region",
          "ttl",
          "expiry",
          "expires",
          "expiration",
          "timeout",
          "seconds",
          "minutes",
          "hours",
          "days",
          "length",
          "size",
          "count",
          "min",
          "max",
          "enabled",
          "disabled",
          "enable",
          "disable",
          "required",
          "mode",
          "type",
          "kind",
          "header",
          "format",
          "version",
          "location",
          "policy",
          "provider",
          "namespace",
          "mount",
          "prefix",
          "suffix",
          "field",
          "lifetime",
          "duration",
          "interval",
          "algorithm",
          "audience",
          "issuer",
          "scope",
          "scopes",
          "rotation",
          "template",
          "regex",
          "pattern",
          "selector",
          "source",
          "backend",
          "store",
          "method",
          "strategy",
          "hint",
          "label",
          "encryption",
          "hash",
          "hashing",
          "cipher",
          "complexity",
          "strength",
          "reset",
          "age",
          "history",
          "attempts",
          "retries",
          "lockout",
          "rules",
          "rule",
          "validation");

  private static final Set<String> NOT_LITERAL =
      Set.of(
          "true",
          "false",
          "yes",
          "no",
          "on",
          "off",
          "none",
          "null",
          "nil",
          "enabled",
          "disabled",
          "required",
          "optional",
          "-",
          "~");

  private static final Pattern NAME_PARTS =
      Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
  private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]*>|\\d{1,5}");

  /** An object name ({@code db-credentials}) or a lower-case path ({@code database/creds/app}). */
  private static final Pattern REFERENCE =
      Pattern.compile("[a-z0-9]([a-z0-9._-]*[a-z0-9])?(/[a-z0-9]([a-z0-9._-]*[a-z0-9])?)*");

  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "^\\s*(?:export\\s+)?[\"']?([A-Za-z_][A-Za-z0-9_.\\-]*)[\"']?\\s*[:=]\\s*(.*?)\\s*,?\\s*$");

  private enum Hint {
    NONE,
    WEAK,
    STRONG
  }

  private SecretDetector() {}

  /**
   * Why {@code value}, stored under {@code name} (an environment variable, a ConfigMap key), looks
   * like a credential; null when it does not. A value that is a whole file (a ConfigMap entry such
   * as {@code application.properties}) is read line by line as well.
   */
  static String namedValue(String name, String value) {
    if (value == null) {
      return null;
    }
    String format = format(value);
    if (format != null) {
      return format;
    }
    String assigned = assigned(name, value, false);
    if (assigned != null || value.indexOf('\n') < 0) {
      return assigned;
    }
    String[] lines = value.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = ASSIGNMENT.matcher(lines[i]);
      if (m.matches()) {
        String inner = assigned(m.group(1), unquote(m.group(2)), false);
        if (inner != null) {
          return "line " + (i + 1) + ": " + inner;
        }
      }
    }
    return null;
  }

  /**
   * Why an annotation value looks like a credential, or null. Stricter than {@link #namedValue}:
   * annotations often name a Secret or a vault path ({@code ...-secret: db-credentials}), so when
   * the value looks like such a reference a secret-like name counts only if the value also looks
   * random.
   */
  static String annotation(String key, String value) {
    if (value == null) {
      return null;
    }
    String format = format(value);
    if (format != null) {
      return format;
    }
    String name = key.substring(key.lastIndexOf('/') + 1);
    if (REFERENCE.matcher(value.strip()).matches()) {
      return assigned(name, value, true);
    }
    return assigned(name, value, false);
  }

  private static String format(String value) {
    for (Format f : FORMATS) {
      if (f.foundIn(value)) {
        return "the value has the format of " + f.description();
      }
    }
    return null;
  }

  private static String assigned(String name, String value, boolean strict) {
    Hint hint = hint(name);
    if (hint == Hint.STRONG && !strict && isLiteral(value)) {
      return "the name " + name + " suggests a secret and the value is written out";
    }
    if (hint != Hint.NONE && looksRandom(value)) {
      return "the name " + name + " suggests a secret and the value looks random";
    }
    return null;
  }

  private static Hint hint(String name) {
    List<String> parts = new ArrayList<>();
    for (String p : NAME_PARTS.split(name)) {
      if (!p.isEmpty()) {
        parts.add(p.toLowerCase(Locale.ROOT));
      }
    }
    if (parts.isEmpty()) {
      return Hint.NONE;
    }
    String last = parts.get(parts.size() - 1);
    if (DESCRIBING.contains(last)) {
      return Hint.NONE;
    }
    String joined = String.join("", parts);
    if (SECRET_WORDS.stream().anyMatch(joined::contains)) {
      return Hint.STRONG;
    }
    for (String p : parts) {
      if (SECRET_PARTS.contains(p) || p.endsWith("token")) {
        return Hint.STRONG;
      }
    }
    // Azure's SDKs read AZURE_STORAGE_KEY, AZURE_BATCH_KEY, ...
    if (parts.get(0).equals("azure") && last.endsWith("key")) {
      return Hint.STRONG;
    }
    for (String p : parts) {
      if (HINT_PARTS.contains(p) || p.endsWith("key")) {
        return Hint.WEAK;
      }
    }
    return Hint.NONE;
  }

  /** Whether {@code value} is written out, not a reference, a path or a switch. */
  private static boolean isLiteral(String value) {
    String v = value.strip();
    if (v.isEmpty()
        || v.startsWith("$(")
        || v.startsWith("${")
        || v.contains("{{")
        || v.startsWith("/")
        || v.startsWith("./")
        || v.startsWith("~/")
        || v.startsWith("|")
        || v.startsWith(">")
        || PLACEHOLDER.matcher(v).matches()) {
      return false;
    }
    return !NOT_LITERAL.contains(v.toLowerCase(Locale.ROOT));
  }

  /** Whether {@code value} looks like generated key material rather than a word or a name. */
  static boolean looksRandom(String value) {
    String v = value.strip();
    if (v.length() < 16 || v.chars().anyMatch(Character::isWhitespace) || v.startsWith("/")) {
      return false;
    }
    boolean letter = v.chars().anyMatch(Character::isLetter);
    boolean digit = v.chars().anyMatch(Character::isDigit);
    return letter && digit && entropy(v) >= 3.5;
  }

  /** Shannon entropy in bits per character. */
  private static double entropy(String s) {
    Map<Integer, Integer> counts = new HashMap<>();
    s.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
    double bits = 0;
    for (int n : counts.values()) {
      double p = (double) n / s.length();
      bits -= p * Math.log(p) / Math.log(2);
    }
    return bits;
  }

  private static String unquote(String value) {
    String v = value.strip();
    if (v.length() >= 2
        && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
