package dev.rampart.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads one YAML document held in memory straight into the tree {@link TreeBuilder} builds from
 * SnakeYAML's events, for the block-style subset manifests are written in (what kubectl, Helm,
 * Kustomize and {@code rampart generate} print): block mappings and sequences, single-line plain
 * and quoted scalars, literal and folded block scalars, comments, flow collections on one line
 * ({@link FlowCollection}). SnakeYAML took most of a scan's parsing time, and its many code paths
 * are slow to compile in a short-lived JVM; this reader is one small loop over the characters.
 *
 * <p>Anything else (anchors, aliases, tags, merge keys, flow collections over several lines,
 * multi-line plain or quoted scalars, tabs, duplicate keys, a limit reached, any error) makes it
 * give up, and the document is read by SnakeYAML as before: every message, line and problem stays
 * what it was. Giving up is cheap (one shared exception without a stack trace).
 */
final class BlockYaml {

  /** A document read: its root mapping and the line it starts at, or nothing at all. */
  record Document(ObjectNode root, int line) {
    static final Document EMPTY = new Document(null, 0);
  }

  /** Nesting deeper than this is left to the SnakeYAML path, which enforces the real limit. */
  private static final int MAX_DEPTH = 100;

  /** SnakeYAML reads a key on one line of at most 1024 characters. */
  private static final int MAX_KEY = 1000;

  private static final class GiveUp extends RuntimeException {
    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final char[] s;
  private final int end;
  private final long maxValues;
  private final NodeLines lines;

  /** The cursor: a position, its line (1-based) and where that line starts. */
  private int pos;

  private int line = 1;
  private int lineStart;

  /** The column of the content line the cursor is at, or -1 at the end of the document. */
  private int indent;

  private long values;
  private int depth;

  private BlockYaml(char[] s, int end, long maxValues, NodeLines lines) {
    this.s = s;
    this.end = end;
    this.maxValues = maxValues;
    this.lines = lines;
  }

  /**
   * Reads {@code text[0, length)}, recording where the children of each container are in {@code
   * lines}.
   *
   * @return the document, {@link Document#EMPTY} if it holds nothing but comments and blank lines,
   *     or null when SnakeYAML must read it
   */
  static Document read(char[] text, int length, long maxValues, NodeLines lines) {
    if (!plainText(text, length)) {
      return null;
    }
    BlockYaml reader = new BlockYaml(text, length, maxValues, lines);
    try {
      return reader.document();
    } catch (GiveUp | StackOverflowError e) {
      return null;
    }
  }

  /**
   * Whether the text holds only characters whose reading this class knows: no carriage returns, no
   * other line breaks YAML 1.1 knows (NEL, LS, PS), no byte order mark, nothing SnakeYAML refuses
   * as unprintable, no surrogates (left to it too).
   */
  private static boolean plainText(char[] s, int length) {
    for (int i = 0; i < length; i++) {
      char c = s[i];
      if (c >= 0x20 && c < 0x7F) {
        continue;
      }
      if (c == '\n' || c == '\t') {
        continue;
      }
      if (c < 0xA0 || (c >= 0xD800 && c < 0xE000) || c >= 0xFFFE) {
        return false;
      }
      if (c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
        return false;
      }
    }
    return true;
  }

  private Document document() {
    skipBlankLines();
    if (indent < 0) {
      return Document.EMPTY;
    }
    int first = line;
    if (keyColon() < 0) {
      // A scalar or a sequence at the top: not an object; SnakeYAML's path says so.
      throw GIVE_UP;
    }
    ObjectNode root = mapping(indent);
    if (indent >= 0) {
      throw GIVE_UP;
    }
    return new Document(root, first);
  }

  void count() {
    if (++values > maxValues) {
      throw GIVE_UP;
    }
  }

  // ---- structure

  /** A block mapping whose keys are at column {@code col}; the cursor is at its first key. */
  private ObjectNode mapping(int col) {
    count();
    if (++depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
    ObjectNode object = NODES.objectNode();
    int[] at = new int[4];
    while (true) {
      int keyLine = line;
      String key = key();
      if (key.equals("<<")) {
        throw GIVE_UP;
      }
      JsonNode value = mappingValue(col);
      at = NodeLines.remember(at, object.size(), keyLine);
      if (object.replace(key, value) != null) {
        // Duplicate keys are an error on the SnakeYAML path (strict duplicate detection).
        throw GIVE_UP;
      }
      if (indent < col) {
        break;
      }
      if (indent > col || sequenceEntry()) {
        throw GIVE_UP;
      }
    }
    lines.put(object, at);
    depth--;
    return object;
  }

  /** The value after a key's colon, in a mapping at column {@code col}. */
  private JsonNode mappingValue(int col) {
    skipSpaces();
    if (!atLineEnd()) {
      return inlineValue(col);
    }
    nextContent();
    if (indent > col) {
      return nodeOnItsLine();
    }
    if (indent == col && sequenceEntry()) {
      // A sequence need not be indented under its key: kubectl writes them so.
      return sequence(col);
    }
    count();
    return NullNode.getInstance();
  }

  /** A block sequence whose dashes are at column {@code col}; the cursor is at the first dash. */
  private ArrayNode sequence(int col) {
    count();
    if (++depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
    ArrayNode array = NODES.arrayNode();
    int[] at = new int[4];
    do {
      int dashLine = line;
      pos++;
      skipSpaces();
      JsonNode item;
      int itemLine = dashLine;
      if (atLineEnd()) {
        nextContent();
        if (indent > col) {
          itemLine = line;
          item = nodeOnItsLine();
        } else {
          count();
          item = NullNode.getInstance();
        }
      } else if (sequenceEntry()) {
        item = sequence(pos - lineStart);
      } else if (keyColon() >= 0) {
        item = mapping(pos - lineStart);
      } else {
        item = inlineValue(col);
      }
      at = NodeLines.remember(at, array.size(), itemLine);
      array.add(item);
      if (indent > col) {
        throw GIVE_UP;
      }
    } while (indent == col && sequenceEntry());
    lines.put(array, at);
    depth--;
    return array;
  }

  /** A collection that starts a line of its own, at the cursor. */
  private JsonNode nodeOnItsLine() {
    if (sequenceEntry()) {
      return sequence(indent);
    }
    if (keyColon() >= 0) {
      return mapping(indent);
    }
    // A scalar on a line of its own (maybe running over several lines).
    throw GIVE_UP;
  }

  /**
   * A scalar that follows a key or a dash on its line, in a collection at column {@code col}; it
   * leaves the cursor at the next content line.
   */
  private JsonNode inlineValue(int col) {
    char c = s[pos];
    JsonNode value;
    switch (c) {
      case '"' -> value = TextNode.valueOf(doubleQuoted());
      case '\'' -> value = TextNode.valueOf(singleQuoted());
      case '|', '>' -> value = TextNode.valueOf(BlockScalar.read(this, col));
      case '{', '[' -> value = FlowCollection.read(this);
      default -> value = plain();
    }
    if (c != '{' && c != '[') {
      count();
    }
    if (c != '|' && c != '>') {
      nextContent();
    }
    if (indent > col) {
      // A plain scalar going on over the next lines, or a mistake: SnakeYAML knows which.
      throw GIVE_UP;
    }
    return value;
  }

  // ---- keys and scalars

  /**
   * Where the colon of the key at the cursor is, or -1 if the cursor is not at a key on one line (a
   * plain key or a quoted one, then a colon and a space or the line's end).
   */
  private int keyColon() {
    int i = pos;
    char c = s[i];
    if (c == '"' || c == '\'') {
      i = quotedEnd(i);
      if (i < 0) {
        return -1;
      }
      while (i < end && s[i] == ' ') {
        i++;
      }
      return i < end && s[i] == ':' && blankAt(i + 1) ? i : -1;
    }
    if (!plainStart(c)) {
      return -1;
    }
    for (i++; i < end; i++) {
      c = s[i];
      if (c == '\n' || c == '\t' || (c == '#' && s[i - 1] == ' ')) {
        return -1;
      }
      if (c == ':' && blankAt(i + 1)) {
        return i - pos <= MAX_KEY ? i : -1;
      }
    }
    return -1;
  }

  /** Reads the key at the cursor and its colon; the cursor is left after the colon. */
  private String key() {
    int colon = keyColon();
    if (colon < 0) {
      throw GIVE_UP;
    }
    String key;
    if (s[pos] == '"') {
      key = doubleQuoted();
    } else if (s[pos] == '\'') {
      key = singleQuoted();
    } else {
      int last = colon;
      while (s[last - 1] == ' ') {
        last--;
      }
      key = ShortStrings.of(s, pos, last);
    }
    pos = colon + 1;
    return key;
  }

  /** The end (after the closing quote) of a quoted scalar on one line, or -1. */
  private int quotedEnd(int open) {
    char quote = s[open];
    for (int i = open + 1; i < end; i++) {
      char c = s[i];
      if (c == '\n') {
        return -1;
      }
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < end && s[i + 1] == '\'') {
          i++;
        } else {
          return i + 1;
        }
      }
    }
    return -1;
  }

  String singleQuoted() {
    int close = quotedEnd(pos);
    if (close < 0) {
      throw GIVE_UP;
    }
    StringBuilder text = new StringBuilder(close - pos);
    for (int i = pos + 1; i < close - 1; i++) {
      text.append(s[i]);
      if (s[i] == '\'') {
        i++;
      }
    }
    pos = close;
    return text.toString();
  }

  String doubleQuoted() {
    int close = quotedEnd(pos);
    if (close < 0) {
      throw GIVE_UP;
    }
    int from = pos + 1;
    int to = close - 1;
    pos = close;
    int slash = from;
    while (slash < to && s[slash] != '\\') {
      slash++;
    }
    if (slash == to) {
      return ShortStrings.of(s, from, to);
    }
    return Escapes.decode(s, from, to);
  }

  /** A plain scalar ending on this line, typed as YAMLParser types it. */
  private JsonNode plain() {
    char c = s[pos];
    if (!plainStart(c)) {
      throw GIVE_UP;
    }
    int from = pos;
    int last = pos + 1;
    int i = pos + 1;
    for (; i < end; i++) {
      c = s[i];
      if (c == '\n' || (c == '#' && s[i - 1] == ' ')) {
        break;
      }
      if (c == '\t' || (c == ':' && blankAt(i + 1))) {
        // A key on a value's line is an error; tabs separate plain words in ways left to SnakeYAML.
        throw GIVE_UP;
      }
      if (c != ' ') {
        last = i + 1;
      }
    }
    pos = last;
    JsonNode node = PlainScalars.node(ShortStrings.of(s, from, last));
    if (node == null) {
      throw GIVE_UP;
    }
    return node;
  }

  /**
   * Whether a plain scalar may start with {@code c} here; the indicators that may start one when a
   * non-space follows ({@code - ? :}) are left to SnakeYAML, except a dash ("-1", "--flag").
   */
  boolean plainStart(char c) {
    if (c == '-') {
      return !blankAt(pos + 1);
    }
    return c > ' ' && (c >= INDICATOR.length || !INDICATOR[c]);
  }

  /** The characters that cannot start a plain scalar: a table, not a search per scalar. */
  private static final boolean[] INDICATOR = new boolean[128];

  static {
    for (char c : "?:,[]{}#&*!|>'\"%@`".toCharArray()) {
      INDICATOR[c] = true;
    }
  }

  // ---- the cursor

  /** Whether the character at {@code i} is a space, a line break or the end. */
  boolean blankAt(int i) {
    return i >= end || s[i] == ' ' || s[i] == '\n';
  }

  private boolean sequenceEntry() {
    return s[pos] == '-' && blankAt(pos + 1);
  }

  private void skipSpaces() {
    while (pos < end && s[pos] == ' ') {
      pos++;
    }
    if (pos < end && s[pos] == '\t') {
      throw GIVE_UP;
    }
  }

  /** Whether nothing but a comment is left on the line, after the spaces skipped. */
  private boolean atLineEnd() {
    return pos >= end || s[pos] == '\n' || (s[pos] == '#' && s[pos - 1] == ' ');
  }

  /** Moves past the rest of this line, which must hold only a comment, to the next content. */
  void nextContent() {
    skipSpaces();
    if (pos < end && s[pos] == '#') {
      if (s[pos - 1] != ' ') {
        throw GIVE_UP;
      }
      while (pos < end && s[pos] != '\n') {
        pos++;
      }
    }
    if (pos < end) {
      if (s[pos] != '\n') {
        throw GIVE_UP;
      }
      newLine(pos + 1);
    }
    skipBlankLines();
  }

  /** From the start of a line, moves to the first content of this line or a later one. */
  void skipBlankLines() {
    while (pos < end) {
      int i = pos;
      while (i < end && s[i] == ' ') {
        i++;
      }
      if (i < end && s[i] == '\t') {
        throw GIVE_UP;
      }
      if (i < end && s[i] != '\n' && s[i] != '#') {
        pos = i;
        indent = i - lineStart;
        return;
      }
      while (i < end && s[i] != '\n') {
        i++;
      }
      if (i >= end) {
        break;
      }
      newLine(i + 1);
    }
    pos = end;
    indent = -1;
  }

  void newLine(int start) {
    pos = start;
    lineStart = start;
    line++;
  }

  // For BlockScalar, which reads from the cursor on.

  char[] text() {
    return s;
  }

  int end() {
    return end;
  }

  int pos() {
    return pos;
  }

  void pos(int at) {
    pos = at;
  }

  int lineStart() {
    return lineStart;
  }

  int line() {
    return line;
  }

  NodeLines lines() {
    return lines;
  }

  /** Enters a collection, which must not be nested too deep. */
  void enter() {
    if (++depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
  }

  void leave() {
    depth--;
  }

  static GiveUp giveUp() {
    return GIVE_UP;
  }
}
