package dev.rampart.report;

import dev.rampart.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders a scan in one format. A writer streams: it writes finding by finding and never holds the
 * whole report in memory. It flushes {@code out} when done and never closes it, so that the caller
 * can pass {@code System.out}.
 */
public interface ReportWriter {

  void write(ScanResult result, ReportContext context, OutputStream out) throws IOException;
}
