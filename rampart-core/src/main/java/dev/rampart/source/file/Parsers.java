package dev.rampart.source.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.parser.ParserImpl;

/** The parser factories and the decoder for one set of limits, shared by every stream read. */
record Parsers(JsonFactory yaml, JsonFactory json, ObjectDecoder decoder, ParseLimits limits) {

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
    return new Parsers(yaml, json, new ObjectDecoder(new ObjectMapper(json)), limits);
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
        return new YAMLParser(
            ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, r, events) {};
      }
    };
  }
}
