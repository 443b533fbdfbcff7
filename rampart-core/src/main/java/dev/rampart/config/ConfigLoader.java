package dev.rampart.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rampart.checks.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads {@code rampart.yaml} strictly: an unknown key or a bad value is an error with its line. */
public final class ConfigLoader {

  private static final Set<String> CRITICALITIES = Set.of("critical", "high", "medium", "low");

  private static final long MAX_BYTES = 1024 * 1024;

  private final ObjectMapper yaml;

  public ConfigLoader() {
    YAMLFactory factory = new YAMLFactory();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.yaml = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * @param knownChecks the ids of every check, to catch a misspelt id in an exception or setting
   */
  public RampartConfig load(Path file, Set<String> knownChecks) throws ConfigException {
    String name = file.toString();
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(name + ": larger than 1 MiB; is this the right file?");
      }
      return load(name, Files.readString(file), knownChecks);
    } catch (NoSuchFileException e) {
      throw new ConfigException(name + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot read: " + e.getMessage());
    }
  }

  public RampartConfig load(String name, String text, Set<String> knownChecks)
      throws ConfigException {
    RampartConfig config;
    try {
      JsonNode tree = yaml.readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return RampartConfig.EMPTY;
      }
      config = yaml.readValue(text, RampartConfig.class);
      config = withExceptionLines(config, exceptionLines(text));
    } catch (UnrecognizedPropertyException e) {
      List<Object> known = new ArrayList<>(e.getKnownPropertyIds());
      known.remove("line");
      throw new ConfigException(
          name
              + ":"
              + lineOf(text, e.getPath(), e.getLocation())
              + ": unknown key '"
              + e.getPropertyName()
              + "'"
              + path(e)
              + "; known keys here: "
              + known);
    } catch (JsonProcessingException e) {
      throw new ConfigException(where(name, e.getLocation()) + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot read: " + e.getMessage());
    }
    return validate(name, config, knownChecks);
  }

  /** The line of each entry of the top-level {@code exceptions} list, for reports to cite. */
  private List<Integer> exceptionLines(String text) throws IOException {
    List<Integer> lines = new ArrayList<>();
    try (JsonParser p = yaml.getFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return lines;
      }
      String field;
      while ((field = p.nextFieldName()) != null) {
        JsonToken value = p.nextToken();
        if ("exceptions".equals(field) && value == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            lines.add(p.currentTokenLocation().getLineNr());
            p.skipChildren();
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return lines;
  }

  /**
   * The line of the key at {@code path}. The parser's own location is where it stopped reading,
   * which in YAML can be past the offending key.
   */
  private int lineOf(
      String text, List<JsonMappingException.Reference> path, JsonLocation fallback) {
    try (JsonParser p = yaml.getFactory().createParser(text)) {
      p.nextToken();
      for (int i = 0; i < path.size(); i++) {
        JsonMappingException.Reference ref = path.get(i);
        if (ref.getFieldName() != null && p.currentToken() == JsonToken.START_OBJECT) {
          String field;
          boolean found = false;
          while ((field = p.nextFieldName()) != null) {
            if (field.equals(ref.getFieldName())) {
              found = true;
              if (i == path.size() - 1) {
                return p.currentTokenLocation().getLineNr();
              }
              p.nextToken();
              break;
            }
            p.nextToken();
            p.skipChildren();
          }
          if (!found) {
            break;
          }
        } else if (ref.getIndex() >= 0 && p.currentToken() == JsonToken.START_ARRAY) {
          for (int skip = 0; skip <= ref.getIndex(); skip++) {
            p.nextToken();
            if (skip < ref.getIndex()) {
              p.skipChildren();
            }
          }
        } else {
          break;
        }
      }
    } catch (IOException e) {
      // fall back to the parser's location
    }
    return fallback == null ? 0 : fallback.getLineNr();
  }

  private static RampartConfig withExceptionLines(RampartConfig c, List<Integer> lines) {
    List<RampartConfig.ExceptionRule> rules = new ArrayList<>();
    for (int i = 0; i < c.exceptions().size(); i++) {
      rules.add(c.exceptions().get(i).atLine(i < lines.size() ? lines.get(i) : 0));
    }
    return new RampartConfig(
        c.apiVersion(),
        c.kind(),
        c.cluster(),
        c.trustedRegistries(),
        c.checks(),
        c.assetGroups(),
        rules);
  }

  private RampartConfig validate(String name, RampartConfig c, Set<String> knownChecks)
      throws ConfigException {
    if (c.apiVersion() != null && !RampartConfig.API_VERSION.equals(c.apiVersion())) {
      throw new ConfigException(
          name + ": apiVersion must be " + RampartConfig.API_VERSION + ", not " + c.apiVersion());
    }
    if (c.kind() != null && !RampartConfig.KIND.equals(c.kind())) {
      throw new ConfigException(
          name + ": kind must be " + RampartConfig.KIND + ", not " + c.kind());
    }
    for (String id : c.checks().disable()) {
      requireKnown(name, "checks.disable", id, knownChecks);
    }
    for (var e : c.checks().severity().entrySet()) {
      requireKnown(name, "checks.severity", e.getKey(), knownChecks);
      try {
        Severity.parse(e.getValue());
      } catch (IllegalArgumentException ex) {
        throw new ConfigException(
            name + ": checks.severity." + e.getKey() + ": " + ex.getMessage());
      }
    }
    for (int i = 0; i < c.assetGroups().size(); i++) {
      RampartConfig.AssetGroup g = c.assetGroups().get(i);
      String at = name + ": assetGroups[" + i + "]";
      if (g.name() == null || g.name().isBlank()) {
        throw new ConfigException(at + ": name is required");
      }
      if (g.criticality() == null
          || !CRITICALITIES.contains(g.criticality().toLowerCase(Locale.ROOT))) {
        throw new ConfigException(
            at + " (" + g.name() + "): criticality must be critical, high, medium or low");
      }
      if (g.match() == null) {
        throw new ConfigException(at + " (" + g.name() + "): match is required");
      }
    }
    for (int i = 0; i < c.exceptions().size(); i++) {
      RampartConfig.ExceptionRule e = c.exceptions().get(i);
      String at = name + ": exceptions[" + i + "]";
      if (e.checks().isEmpty()) {
        throw new ConfigException(at + ": checks is required (check ids, or \"*\")");
      }
      for (String id : e.checks()) {
        if (!"*".equals(id)) {
          requireKnown(name, "exceptions[" + i + "].checks", id, knownChecks);
        }
      }
      if (e.reason() == null || e.reason().isBlank()) {
        throw new ConfigException(at + ": reason is required: say why the risk is accepted");
      }
      if (e.expires() != null) {
        try {
          LocalDate.parse(e.expires());
        } catch (DateTimeParseException ex) {
          throw new ConfigException(at + ": expires must be a date YYYY-MM-DD, not " + e.expires());
        }
      }
    }
    return c;
  }

  private static void requireKnown(String name, String field, String id, Set<String> known)
      throws ConfigException {
    if (!known.contains(id)) {
      throw new ConfigException(
          name + ": " + field + ": unknown check id '" + id + "' (see `rampart checks`)");
    }
  }

  private static String where(String name, JsonLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return name + ": ";
    }
    return name + ":" + location.getLineNr() + ": ";
  }

  private static String path(UnrecognizedPropertyException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "" : " at " + sb;
  }
}
