package dev.rampart.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The node a plain (unquoted) scalar becomes on the SnakeYAML path: Jackson's YAMLParser asks
 * SnakeYAML's YAML 1.1 resolver for the type ({@link Parsers#plainType} answering first), then
 * reads booleans in their 1.1 spellings, decimal integers as the narrowest of int and long, plain
 * decimals as doubles, null, and everything else it does not convert (timestamps, {@code =}, {@code
 * <<}) as a string. What would take Jackson's rarer conversions (octal, hex, sexagesimal,
 * underscores, exponents) is left to that path: {@link #node} returns null.
 */
final class PlainScalars {

  /** The resolver YAMLParser uses (its default one); read-only once built, so shareable. */
  private static final Resolver RESOLVER = new Resolver();

  private PlainScalars() {}

  /** The node of a non-empty plain scalar, or null when only the SnakeYAML path knows. */
  static JsonNode node(String value) {
    int plain = Parsers.plainType(value);
    if (plain == Parsers.STRING) {
      return TextNode.valueOf(value);
    }
    if (plain == Parsers.INT) {
      return integer(value);
    }
    char first = value.charAt(0);
    if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) {
      // Only the boolean and null resolvers start with a letter, each with exact spellings.
      return word(value);
    }
    if (dottedDigits(value)) {
      // Two dots or more: no integer, float or timestamp (an IP address, a version).
      return TextNode.valueOf(value);
    }
    Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
    if (tag == Tag.STR) {
      return TextNode.valueOf(value);
    }
    if (tag == Tag.NULL) {
      return NullNode.getInstance();
    }
    if (tag == Tag.BOOL) {
      return word(value);
    }
    if (tag == Tag.INT) {
      return simpleInteger(value) ? integer(value) : null;
    }
    if (tag == Tag.FLOAT) {
      // Jackson parses the text as a double (a CPU of 0.5); exponents, .inf and underscores aside.
      return simpleDecimal(value) ? DoubleNode.valueOf(Double.parseDouble(value)) : null;
    }
    // Timestamps, "=" and "<<": YAMLParser keeps their text.
    return TextNode.valueOf(value);
  }

  /** A word starting with a letter: YAML 1.1's booleans and null, else a string. */
  private static JsonNode word(String value) {
    switch (value) {
      case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON":
        return BooleanNode.TRUE;
      case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF":
        return BooleanNode.FALSE;
      case "null", "Null", "NULL":
        return NullNode.getInstance();
      default:
        return TextNode.valueOf(value);
    }
  }

  private static boolean dottedDigits(String value) {
    int dots = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return dots >= 2;
  }

  /** {@code -?[0-9]+\.[0-9]+}, not too long to read at a glance. */
  private static boolean simpleDecimal(String value) {
    int start = value.charAt(0) == '-' ? 1 : 0;
    int dot = value.indexOf('.');
    if (dot <= start || dot == value.length() - 1 || value.length() > 24) {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < '0' || c > '9') && i != dot) {
        return false;
      }
    }
    return true;
  }

  /** {@code -?(0|[1-9][0-9]*)} of at most 18 digits: what YAMLParser reads as int or long. */
  private static boolean simpleInteger(String value) {
    int start = value.charAt(0) == '-' ? 1 : 0;
    int digits = value.length() - start;
    if (digits < 1 || digits > 18 || (value.charAt(start) == '0' && digits > 1)) {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** As YAMLParser: the narrowest of int and long (at most 18 digits here). */
  private static JsonNode integer(String value) {
    long n = Long.parseLong(value);
    return n == (int) n ? IntNode.valueOf((int) n) : LongNode.valueOf(n);
  }
}
