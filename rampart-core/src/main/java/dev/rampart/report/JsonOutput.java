package dev.rampart.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Streaming JSON for the JSON and SARIF reports: two-space indent, LF line ends on every OS. */
final class JsonOutput {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          // The caller owns the stream (it may be System.out).
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          // A report that failed half-way must stay visibly broken, not be closed into valid JSON.
          .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
          .build();

  private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

  private JsonOutput() {}

  static JsonGenerator open(OutputStream out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT));
    return g;
  }

  /** Ends the document with a newline, as text on a terminal or in a file should. */
  static void finish(JsonGenerator g, OutputStream out) throws IOException {
    g.close();
    out.write('\n');
    out.flush();
  }

  /** Writes the field only when there is a value: reports omit unknown optional fields. */
  static void optional(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  /** Writes the field only when positive: 0 stands for an unknown line or document number. */
  static void positive(JsonGenerator g, String name, int value) throws IOException {
    if (value > 0) {
      g.writeNumberField(name, value);
    }
  }

  static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
