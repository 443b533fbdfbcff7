package dev.rampart.source.file;

/**
 * The escapes of a double-quoted YAML scalar, exactly those SnakeYAML knows; any other (or a
 * surrogate half) makes {@link BlockYaml} give up, so that SnakeYAML reports it.
 */
final class Escapes {

  private Escapes() {}

  /** The text of {@code s[from, to)}, the inside of double quotes on one line. */
  static String decode(char[] s, int from, int to) {
    StringBuilder text = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = s[i];
      if (c != '\\') {
        text.append(c);
        continue;
      }
      char e = s[++i];
      int digits =
          switch (e) {
            case 'x' -> 2;
            case 'u' -> 4;
            case 'U' -> 8;
            default -> 0;
          };
      if (digits == 0) {
        text.append(single(e));
        continue;
      }
      if (i + digits >= to) {
        throw BlockYaml.giveUp();
      }
      int code = 0;
      for (int k = 1; k <= digits; k++) {
        int d = Character.digit(s[i + k], 16);
        if (d < 0 || s[i + k] > 'f') {
          throw BlockYaml.giveUp();
        }
        code = code * 16 + d;
      }
      if (code < 0 || code > Character.MAX_CODE_POINT || (code >= 0xD800 && code < 0xE000)) {
        throw BlockYaml.giveUp();
      }
      text.appendCodePoint(code);
      i += digits;
    }
    return text.toString();
  }

  private static char single(char e) {
    return switch (e) {
      case '0' -> '\0';
      case 'a' -> '\u0007';
      case 'b' -> '\b';
      case 't' -> '\t';
      case 'n' -> '\n';
      case 'v' -> '\u000B';
      case 'f' -> '\f';
      case 'r' -> '\r';
      case 'e' -> '\u001B';
      case ' ' -> ' ';
      case '"' -> '"';
      case '\\' -> '\\';
      case 'N' -> '\u0085';
      case '_' -> '\u00A0';
      case 'L' -> '\u2028';
      case 'P' -> '\u2029';
      default -> throw BlockYaml.giveUp();
    };
  }
}
