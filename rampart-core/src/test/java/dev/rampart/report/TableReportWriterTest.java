package dev.rampart.report;

import static dev.rampart.report.ReportFixtures.context;
import static dev.rampart.report.ReportFixtures.render;
import static dev.rampart.report.ReportFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableReportWriterTest {

  private final String table = render(ReportFormat.TABLE, scan(), context());

  @Test
  void matchesGolden() throws Exception {
    Golden.assertMatches("expected-table.txt", table);
  }

  @Test
  void attackPathsComeAfterTheFindingsStepByStep() throws Exception {
    String withPaths = render(ReportFormat.TABLE, ReportFixtures.scanWithPaths("web"), context());
    Golden.assertMatches("expected-table-paths.txt", withPaths);
    assertThat(withPaths.indexOf("Attack paths (2)")).isGreaterThan(withPaths.indexOf("CRITICAL"));
    assertThat(withPaths)
        .contains("VULNERABLE [mitre:t1190] → Deployment/shop/web: CVE-2099-0001 (critical)")
        .contains("(+1 more)")
        .contains("Note: the search was cut short: searched the first 500 of 612 crown jewels.");
    assertThat(table).doesNotContain("Attack paths");
  }

  @Test
  void attackPathNamesCannotDriveTheTerminal() {
    String out =
        render(ReportFormat.TABLE, ReportFixtures.scanWithPaths("web\u001b[2J"), context());
    assertThat(out).doesNotContain("\u001b").contains("Deployment/shop/web?[2J");
  }

  @Test
  void noColourUnlessAsked() {
    assertThat(table).doesNotContain("\u001b");
    String coloured = render(ReportFormat.TABLE, scan(), context().withColour(true));
    assertThat(coloured).contains("\u001b[1;31mcritical\u001b[0m");
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", ""))
        .as("colour changes nothing but colour")
        .isEqualTo(table);
  }

  @Test
  void linesFitTheWidth() {
    String narrow = render(ReportFormat.TABLE, scan(), context().withWidth(60));
    assertThat(narrow.lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
    assertThat(table.lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
  }

  @Test
  void topShowsTheFirstFindingsAndSaysHowManyMore() {
    String top = render(ReportFormat.TABLE, scan(), context().withTop(2));
    assertThat(top)
        .contains("privileged-container")
        .contains("wildcard-cluster-role  ClusterRole/ops-admin")
        .doesNotContain("run-as-root  Deployment/shop/cart")
        .doesNotContain("image-tag-latest  Pod/default/debug")
        .contains("Showing the first 2 of 4 findings; 2 more are not shown.");
  }

  @Test
  void saysSoWhenThereIsNothingToFix() {
    assertThat(render(ReportFormat.TABLE, scan(List.of()), context())).contains("No findings.");
  }

  @Test
  void neutralisesTerminalEscapesFromTheCluster() {
    String hostile = "web\u001b[2J\u001b]0;owned\u0007\u202Egnp.exe";
    String out =
        render(
            ReportFormat.TABLE, scan(List.of(ReportFixtures.hostile(hostile, hostile))), context());
    assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202E");
    assertThat(out).contains("web?[2J?]0;owned??gnp.exe");
  }

  @Test
  void wrapsAtSpacesAndCutsWordsLongerThanALine() {
    assertThat(TableReportWriter.wrap("aaa bbb ccc", 7)).containsExactly("aaa bbb", "ccc");
    assertThat(TableReportWriter.wrap("aaaaaaaaaa b", 4)).containsExactly("aaaa", "aaaa", "aa b");
    assertThat(TableReportWriter.wrap("", 4)).containsExactly("");
  }
}
