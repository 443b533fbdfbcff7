package dev.rampart.source.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;

/** The parser factories and the decoder for one set of limits, shared by every stream read. */
record Parsers(
    JsonFactory yaml, JsonFactory json, ObjectDecoder decoder, ParseLimits limits, boolean fast) {

  static Parsers of(ParseLimits limits) {
    LoaderOptions options = new LoaderOptions();
    // The document reader enforces the size limit per object, so that one large List still
    // streams; SnakeYAML's own limit would count the whole document.
    options.setCodePointLimit(Integer.MAX_VALUE);
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxObjectChars())
            .build();
    YAMLFactory yaml = yamlFactory(options);
    yaml.setStreamReadConstraints(constraints);
    yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    JsonFactory json = new JsonFactory();
    json.setStreamReadConstraints(constraints);
    json.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return new Parsers(yaml, json, new ObjectDecoder(new ObjectMapper(json)), limits, true);
  }

  /**
   * The same parsers with {@link BlockYaml} on or off (off: every YAML document goes through
   * SnakeYAML, which tests compare it with).
   */
  Parsers withFastYaml(boolean on) {
    return new Parsers(yaml, json, decoder, limits, on);
  }

  /**
   * A YAMLFactory whose parsers read through {@link LinearStreamReader}, by the constructor Jackson
   * keeps for a custom SnakeYAML parser.
   */
  private static YAMLFactory yamlFactory(LoaderOptions options) {
    // A plain empty value ("securityContext:") is null in YAML and to kubectl, not "" (which
    // fabric8 refuses for a mapping, losing the whole object); "" and '' stay strings.
    YAMLFactoryBuilder builder =
        YAMLFactory.builder()
            .loaderOptions(options)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL);
    return new YAMLFactory(builder) {
      @Override
      protected YAMLParser _createParser(Reader r, IOContext ctxt) {
        ParserImpl events = new ParserImpl(new LinearStreamReader(r), options);
        return new YAMLParser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, r, events) {
          @Override
          protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
            String value = scalar.getValue();
            String tag = scalar.getTag();
            if ((tag == null || tag.equals("!"))
                && scalar.getImplicit().canOmitTagInPlainScalar()) {
              int plain = plainType(value);
              if (plain != UNKNOWN) {
                // What YAMLParser does for a string or an int, without asking the resolver.
                _textValue = value;
                _cleanedTextValue = null;
                return plain == STRING
                    ? JsonToken.VALUE_STRING
                    : _decodeNumberScalar(value, value.length());
              }
            }
            return super._decodeScalar(scalar);
          }
        };
      }
    };
  }

  static final int UNKNOWN = 0;
  static final int STRING = 1;
  static final int INT = 2;

  /**
   * How SnakeYAML's resolver reads a plain scalar, when that is plain to see without its regular
   * expressions (which took a sixth of the parsing time): {@link #STRING}, {@link #INT}, or {@link
   * #UNKNOWN} to ask it. Its implicit resolvers are chosen by the first character. For an ASCII
   * letter there are only booleans ({@code yYnNtTfFoO}: yes, no, true, false, on, off, words of at
   * most five letters) and null ({@code nN}: null, Null, NULL). For a digit there are integers,
   * floats and timestamps, which use no characters but digits, {@code a-f A-F x T t Z : . _ + -},
   * space and tab: a value with any other one ("128Mi", "100m") is a string. Digits alone, without
   * a leading zero (octal) and short enough for no limit to apply, are an integer.
   */
  static int plainType(String value) {
    int length = value.length();
    if (length == 0 || length > 1024) {
      return UNKNOWN;
    }
    char first = value.charAt(0);
    if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) {
      return length > 5 || "yYnNtTfFoO".indexOf(first) < 0 ? STRING : UNKNOWN;
    }
    if (first < '0' || first > '9') {
      return UNKNOWN;
    }
    boolean digits = true;
    for (int i = 1; i < length; i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        continue;
      }
      digits = false;
      if (!((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || "xTtZ:._+- \t".indexOf(c) >= 0)) {
        return STRING;
      }
    }
    return digits && length <= 18 && (first != '0' || length == 1) ? INT : UNKNOWN;
  }
}
