package dev.rampart.report;

import dev.rampart.checks.CheckDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report needs besides the scan itself.
 *
 * @param catalog the checks that ran, with their effective metadata (after severity overrides), in
 *     catalog order: SARIF rules and the HTML "why it matters" come from here
 * @param toolVersion the version of Rampart that produced the report
 * @param colour whether the table may use ANSI colours (the CLI decides: a terminal and {@code
 *     NO_COLOR} unset)
 * @param top how many findings the table shows, 0 for all; machine formats always carry all
 * @param width the column the table wraps at
 * @param baseline the comparison with an earlier scan ({@code --baseline}), null without one
 */
public record ReportContext(
    List<CheckDescriptor> catalog,
    String toolVersion,
    boolean colour,
    int top,
    int width,
    Baseline baseline) {

  public static final int DEFAULT_WIDTH = 120;

  /** Narrower than this and the table's fixed columns leave no room for text. */
  static final int MIN_WIDTH = 40;

  public ReportContext {
    catalog = List.copyOf(catalog);
    Objects.requireNonNull(toolVersion, "toolVersion");
    if (top < 0) {
      throw new IllegalArgumentException("top must be 0 (all) or positive, not " + top);
    }
    if (width < MIN_WIDTH) {
      throw new IllegalArgumentException("width must be at least " + MIN_WIDTH + ", not " + width);
    }
  }

  /** No colour, every finding, 120 columns. */
  public static ReportContext of(List<CheckDescriptor> catalog, String toolVersion) {
    return new ReportContext(catalog, toolVersion, false, 0, DEFAULT_WIDTH, null);
  }

  public ReportContext withColour(boolean newColour) {
    return new ReportContext(catalog, toolVersion, newColour, top, width, baseline);
  }

  public ReportContext withTop(int newTop) {
    return new ReportContext(catalog, toolVersion, colour, newTop, width, baseline);
  }

  public ReportContext withWidth(int newWidth) {
    return new ReportContext(catalog, toolVersion, colour, top, newWidth, baseline);
  }

  public ReportContext withBaseline(Baseline newBaseline) {
    return new ReportContext(catalog, toolVersion, colour, top, width, newBaseline);
  }

  /** The catalog by check id, in catalog order. */
  Map<String, CheckDescriptor> checksById() {
    Map<String, CheckDescriptor> byId = new LinkedHashMap<>();
    for (CheckDescriptor d : catalog) {
      byId.putIfAbsent(d.id(), d);
    }
    return byId;
  }
}
