package dev.rampart.source.file;

/**
 * Reads a literal ({@code |}) or folded ({@code >}) block scalar for {@link BlockYaml}, line by
 * line as SnakeYAML's scanner does, with its folding and chomping. An explicit indentation
 * indicator, an empty scalar, or leading blank lines indented deeper than the first line of text
 * (which SnakeYAML reads in ways that surprise) make it give up.
 */
final class BlockScalar {

  private BlockScalar() {}

  /**
   * The text of the block scalar whose indicator is at the cursor, in a collection at column {@code
   * col}; leaves the cursor at the next content line.
   */
  static String read(BlockYaml in, int col) {
    char[] s = in.text();
    int end = in.end();
    int p = in.pos();
    boolean folded = s[p++] == '>';
    char chomp = ' ';
    if (p < end && (s[p] == '-' || s[p] == '+')) {
      chomp = s[p++];
    }
    if (p < end && s[p] >= '0' && s[p] <= '9') {
      throw BlockYaml.giveUp();
    }
    if (!in.blankAt(p)) {
      throw BlockYaml.giveUp();
    }
    in.pos(p);
    // The rest of the header line: spaces and a comment, then the first line below.
    skipHeaderRest(in);
    p = in.pos();
    if (p >= end) {
      throw BlockYaml.giveUp();
    }
    // Leading blank lines, then the first line of text, which sets the indentation.
    StringBuilder breaks = new StringBuilder();
    int maxBlank = 0;
    int indent;
    while (true) {
      int q = p;
      while (q < end && s[q] == ' ') {
        q++;
      }
      if (q < end && s[q] == '\n') {
        maxBlank = Math.max(maxBlank, q - p);
        breaks.append('\n');
        in.newLine(q + 1);
        p = q + 1;
        continue;
      }
      if (q >= end || s[q] == '\t') {
        throw BlockYaml.giveUp();
      }
      indent = q - p;
      p = q;
      break;
    }
    if (indent <= col || maxBlank > indent) {
      throw BlockYaml.giveUp();
    }
    StringBuilder text = new StringBuilder();
    boolean lineBreak = false;
    int column = indent;
    while (column == indent && p < end) {
      text.append(breaks);
      boolean leadingNonSpace = s[p] != ' ' && s[p] != '\t';
      int q = p;
      while (q < end && s[q] != '\n') {
        q++;
      }
      text.append(s, p, q - p);
      lineBreak = q < end;
      p = q;
      if (lineBreak) {
        p++;
        in.newLine(p);
      }
      // The breaks of the blank lines that follow, each line's indentation skipped.
      breaks.setLength(0);
      column = 0;
      while (column < indent && p < end && s[p] == ' ') {
        p++;
        column++;
      }
      while (p < end && s[p] == '\n') {
        breaks.append('\n');
        p++;
        in.newLine(p);
        column = 0;
        while (column < indent && p < end && s[p] == ' ') {
          p++;
          column++;
        }
      }
      if (column == indent && p < end) {
        if (folded && lineBreak && leadingNonSpace && s[p] != ' ' && s[p] != '\t') {
          if (breaks.length() == 0) {
            text.append(' ');
          }
        } else if (lineBreak) {
          text.append('\n');
        }
      }
    }
    if (chomp != '-' && lineBreak) {
      text.append('\n');
    }
    if (chomp == '+') {
      text.append(breaks);
    }
    if (p < end && s[p] == '\t') {
      throw BlockYaml.giveUp();
    }
    // The cursor goes back to the start of the line the scalar ended on.
    in.pos(p >= end ? end : in.lineStart());
    in.skipBlankLines();
    return text.toString();
  }

  private static void skipHeaderRest(BlockYaml in) {
    char[] s = in.text();
    int end = in.end();
    int p = in.pos();
    while (p < end && s[p] == ' ') {
      p++;
    }
    if (p < end && s[p] == '#') {
      if (s[p - 1] != ' ') {
        throw BlockYaml.giveUp();
      }
      while (p < end && s[p] != '\n') {
        p++;
      }
    }
    if (p < end && s[p] != '\n') {
      throw BlockYaml.giveUp();
    }
    if (p < end) {
      in.newLine(p + 1);
    } else {
      in.pos(p);
    }
  }
}
