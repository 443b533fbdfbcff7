package dev.rampart.checks.data;

import java.util.regex.Pattern;

/** Paths to map entries whose keys may hold dots or slashes ({@code data["app.properties"]}). */
final class JsonPaths {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private JsonPaths() {}

  static String entry(String map, String key) {
    if (PLAIN.matcher(key).matches()) {
      return map + "." + key;
    }
    return map + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }
}
