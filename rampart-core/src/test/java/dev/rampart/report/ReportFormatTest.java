package dev.rampart.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rampart.scan.Coverage;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Summary;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportFormatTest {

  @Test
  void parsesTheCommandLineNames() {
    assertThat(ReportFormat.parse("sarif")).isEqualTo(ReportFormat.SARIF);
    assertThat(ReportFormat.parse(" JUnit ")).isEqualTo(ReportFormat.JUNIT);
    assertThatThrownBy(() -> ReportFormat.parse("xml"))
        .hasMessage("unknown report format 'xml' (expected table, json, sarif, junit, html)");
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void leavesTheStreamOpenAndFlushed(ReportFormat format) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean[] closed = new boolean[1];
    FilterOutputStream out =
        new FilterOutputStream(bytes) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    format.writer().write(ReportFixtures.scan(), ReportFixtures.context(), out);
    assertThat(closed[0]).as("System.out must stay usable").isFalse();
    assertThat(bytes.size()).isPositive();
    assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).endsWith("\n");
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void rendersAnEmptyScan(ReportFormat format) throws Exception {
    ScanResult empty =
        new ScanResult(
            "empty",
            Instant.parse("2025-03-01T10:15:30Z"),
            3,
            "empty/",
            null,
            new Coverage(0, Map.of(), List.of(), List.of(), List.of(), List.of()),
            new Summary(Map.of(), Map.of(), 100),
            List.of(),
            List.of(),
            List.of());
    String out = ReportFixtures.render(format, empty, ReportContext.of(List.of(), "1"));
    assertThat(out).isNotBlank();
    if (format == ReportFormat.SARIF) {
      assertThat(Schemas.sarifErrors(out)).isEmpty();
    }
    if (format == ReportFormat.JUNIT) {
      Schemas.validateJunit(out);
    }
  }
}
