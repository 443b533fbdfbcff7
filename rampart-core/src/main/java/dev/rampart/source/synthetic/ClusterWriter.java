package dev.rampart.source.synthetic;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a synthetic cluster as the file source reads it: multi-document YAML, or for a {@code
 * .json} name a {@code kind: List} (which the file source streams item by item). Objects are
 * written as they are generated, so memory does not grow with the cluster.
 */
public final class ClusterWriter {

  /** The formats the file source reads. (It rejects gzip, so there is no compressed output.) */
  public enum Format {
    YAML,
    JSON;

    /** JSON for names ending in {@code .json}, YAML otherwise. */
    public static Format of(String fileName) {
      String name = fileName.toLowerCase(Locale.ROOT);
      if (name.endsWith(".gz")) {
        throw new IllegalArgumentException(
            "the file source does not read gzip: write .yaml or .json (compress it yourself to"
                + " store it)");
      }
      return name.endsWith(".json") ? JSON : YAML;
    }
  }

  private ClusterWriter() {}

  public static SyntheticCluster.Counts write(int pods, long seed, Format format, OutputStream out)
      throws IOException {
    String header =
        "# Synthetic cluster: rampart generate --pods "
            + pods
            + " --seed "
            + seed
            + ". All names are invented and every secret value is a fake placeholder.\n";
    try {
      return format == Format.JSON ? json(pods, seed, out) : yaml(pods, seed, header, out);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static SyntheticCluster.Counts yaml(int pods, long seed, String header, OutputStream out)
      throws IOException {
    out.write(header.getBytes(StandardCharsets.UTF_8));
    YAMLFactory factory =
        YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();
    factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    ObjectMapper mapper = new YAMLMapper(factory);
    try (SequenceWriter writer = mapper.writer().writeValues(out)) {
      return SyntheticCluster.generate(pods, seed, object -> write(writer, object));
    }
  }

  private static SyntheticCluster.Counts json(int pods, long seed, OutputStream out)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("apiVersion", "v1");
      g.writeStringField("kind", "List");
      g.writeArrayFieldStart("items");
      SyntheticCluster.Counts counts =
          SyntheticCluster.generate(
              pods,
              seed,
              object -> {
                try {
                  g.writeRaw('\n');
                  mapper.writeValue(g, object);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
      return counts;
    }
  }

  private static void write(SequenceWriter writer, Map<String, Object> object) {
    try {
      writer.write(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
