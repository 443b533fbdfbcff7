package dev.rampart.source.file;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns parser and decoder exceptions into one-line messages a Kubernetes user can act on: the
 * field path and the type expected, no Java class names, no source snippets, and a plain statement
 * of what limit was hit.
 */
final class ParseMessages {

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
  private static final Pattern NESTING = Pattern.compile("maximum allowed \\((\\d+)");
  private static final Pattern NOT_INDENTATION =
      Pattern.compile("\\.? \\(Do not use (?!\\\\t)\\S+ for indentation\\)");
  private static final Pattern JAVA_TYPE = Pattern.compile("`[^`]*`");
  private static final List<Class<?>> INTEGERS =
      List.of(
          Integer.class,
          int.class,
          Long.class,
          long.class,
          Short.class,
          short.class,
          Byte.class,
          byte.class,
          BigInteger.class);

  private ParseMessages() {}

  /** What went wrong reading the text of a document. */
  static String parsing(Throwable e) {
    StreamConstraintsException limit = cause(e, StreamConstraintsException.class);
    if (limit != null) {
      return limit(limit.getOriginalMessage());
    }
    if (e instanceof TreeBuilder.Refused refused) {
      return refused.getOriginalMessage();
    }
    MarkedYAMLException yaml = cause(e, MarkedYAMLException.class);
    if (yaml != null && yaml.getProblem() != null) {
      String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
      // SnakeYAML suspects indentation behind every character that cannot start a token.
      String problem = NOT_INDENTATION.matcher(firstLine(yaml.getProblem())).replaceAll("");
      return "malformed YAML: " + context + problem;
    }
    ReaderException reader = cause(e, ReaderException.class);
    if (reader != null) {
      return String.format("character U+%04X is not allowed in YAML text", reader.getCodePoint());
    }
    if (e instanceof JsonProcessingException json) {
      String message = json.getOriginalMessage();
      Matcher duplicate = DUPLICATE.matcher(message);
      if (duplicate.find()) {
        return "duplicate key '" + duplicate.group(1) + "' (kubectl refuses the object)";
      }
      return (json.getProcessor() instanceof YAMLParser ? "malformed YAML: " : "malformed JSON: ")
          + firstLine(message);
    }
    if (e instanceof YAMLException) {
      return "malformed YAML: " + firstLine(String.valueOf(e.getMessage()));
    }
    // Not a problem of the input that a parser recognized: a bug of ours, say so.
    return "unexpected error while reading it ("
        + firstLine(String.valueOf(e.getMessage()))
        + "); please report it";
  }

  /** Why a file or stream could not be read at all. */
  static String reading(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied; skipped";
    }
    if (e instanceof FileSystemLoopException) {
      return "symbolic link loop; skipped";
    }
    if (e instanceof InputRejectedException) {
      return e.getMessage() + "; skipped";
    }
    return "cannot read: " + e.getMessage();
  }

  private static String limit(String message) {
    Matcher depth = NESTING.matcher(message);
    if (message.contains("nesting depth") && depth.find()) {
      return "nested too deeply (more than " + depth.group(1) + " levels)";
    }
    if (message.contains("String value length")) {
      return "a value is too long";
    }
    if (message.contains("Number value length")) {
      return "a number has too many digits";
    }
    return firstLine(JAVA_TYPE.matcher(message).replaceAll("").trim());
  }

  /**
   * What is wrong with a field of a parsed object, e.g. {@code field spec.containers: expected a
   * list, got a string}.
   */
  static String decoding(Exception e, JsonNode tree) {
    if (!(e instanceof JsonMappingException mapping)) {
      return firstLine(JAVA_TYPE.matcher(String.valueOf(e.getMessage())).replaceAll("a value"));
    }
    JsonPointer at = pointer(e);
    JsonNode value = tree.at(at);
    String expected = expected(mapping);
    String problem =
        expected == null
            ? firstLine(JAVA_TYPE.matcher(mapping.getOriginalMessage()).replaceAll("a value"))
            : "expected " + expected + (value.isMissingNode() ? "" : ", got " + describe(value));
    return at.matches() ? problem : "field " + path(at, tree) + ": " + problem;
  }

  /** A pointer as Kubernetes writes field paths: {@code spec.containers[0].image}. */
  private static String path(JsonPointer at, JsonNode tree) {
    StringBuilder path = new StringBuilder();
    JsonNode node = tree;
    for (JsonPointer rest = at; !rest.matches(); rest = rest.tail()) {
      if (node != null && node.isArray()) {
        path.append('[').append(rest.getMatchingIndex()).append(']');
        node = node.get(rest.getMatchingIndex());
      } else {
        path.append(path.length() == 0 ? "" : ".").append(rest.getMatchingProperty());
        node = node == null ? null : node.get(rest.getMatchingProperty());
      }
    }
    return path.toString();
  }

  /** Where in the object a decoding problem is. */
  static JsonPointer pointer(Exception e) {
    JsonPointer at = JsonPointer.empty();
    if (e instanceof JsonMappingException mapping) {
      for (JsonMappingException.Reference ref : mapping.getPath()) {
        if (ref.getFieldName() != null) {
          at = at.appendProperty(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          at = at.appendIndex(ref.getIndex());
        }
      }
    }
    return at;
  }

  private static String expected(JsonMappingException e) {
    InputCoercionException range = cause(e, InputCoercionException.class);
    if (range != null) {
      Class<?> target = range.getTargetType();
      if (target == Integer.class || target == int.class) {
        return "a 32-bit integer";
      }
      return target == Long.class || target == long.class ? "a 64-bit integer" : "a smaller number";
    }
    if (e instanceof MismatchedInputException mismatch) {
      return noun(mismatch.getTargetType());
    }
    if (e instanceof ValueInstantiationException instantiation) {
      return noun(instantiation.getType().getRawClass());
    }
    if (String.valueOf(e.getOriginalMessage()).toLowerCase().contains("quantity")) {
      // fabric8's Quantity deserializer fails with a plain IllegalArgumentException.
      return noun(Quantity.class);
    }
    return null;
  }

  /** The kind of value a Java type holds, in the words of YAML and Kubernetes. */
  private static String noun(Class<?> type) {
    if (type == null) {
      return null;
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (INTEGERS.contains(type)) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type == IntOrString.class) {
      return "an integer or a string";
    }
    if (type == Quantity.class) {
      return "a quantity such as 500m or 1Gi";
    }
    // Maps and every model class (SecurityContext, Container, ...).
    return type.isEnum() ? "a string" : "a mapping";
  }

  /** What a parsed value is, in the words of YAML. */
  static String describe(JsonNode value) {
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    return value.isNull() ? "null" : "a value";
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
