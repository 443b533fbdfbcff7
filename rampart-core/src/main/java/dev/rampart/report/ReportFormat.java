package dev.rampart.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The formats {@code rampart scan --format} offers. */
public enum ReportFormat {
  TABLE(TableReportWriter::new),
  JSON(JsonReportWriter::new),
  SARIF(SarifReportWriter::new),
  JUNIT(JunitReportWriter::new),
  HTML(HtmlReportWriter::new);

  private final Supplier<ReportWriter> writer;

  ReportFormat(Supplier<ReportWriter> writer) {
    this.writer = writer;
  }

  /** The lower-case name used on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public ReportWriter writer() {
    return writer.get();
  }

  public static ReportFormat parse(String text) {
    for (ReportFormat format : values()) {
      if (format.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown report format '"
            + text
            + "' (expected "
            + Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "))
            + ")");
  }
}
