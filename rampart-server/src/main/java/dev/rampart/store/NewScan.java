package dev.rampart.store;

import dev.rampart.checks.CheckDescriptor;
import dev.rampart.checks.Finding;
import dev.rampart.config.RampartConfig.AssetGroup;
import dev.rampart.graph.AssetGroups;
import dev.rampart.report.CheckJson;
import dev.rampart.report.ReportContext;
import dev.rampart.scan.ScanResult;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scan ready to be stored: the result, the asset groups each finding's object belongs to (which
 * the report does not say per finding, and which cannot be worked out later without the snapshot)
 * and the metadata of the checks that found something. It is stored as its JSON report, written by
 * the report writer: the sections as one small document, the findings one by one.
 *
 * @param toolVersion the version of Rampart that scanned
 * @param groupsByFinding finding id to the names of its object's asset groups
 * @param checks check id to its JSON metadata ({@link CheckJson})
 */
public record NewScan(
    ScanResult result,
    String toolVersion,
    Map<String, List<String>> groupsByFinding,
    Map<String, Map<String, Object>> checks) {

  public NewScan {
    groupsByFinding = Map.copyOf(groupsByFinding);
    checks = Map.copyOf(checks);
  }

  /** The JSON report without its findings: everything that describes the scan as a whole. */
  public ReportDocument header() {
    ScanResult r = result;
    ScanResult withoutFindings =
        new ScanResult(
            r.id(),
            r.startedAt(),
            r.durationMs(),
            r.source(),
            r.cluster(),
            r.coverage(),
            r.summary(),
            List.of(),
            r.exceptionsApplied(),
            r.exceptionsExpired(),
            r.attackPaths(),
            r.attackPathBounds(),
            r.assetGroups());
    return ReportDocument.of(withoutFindings, ReportContext.of(List.of(), toolVersion));
  }

  /** The whole JSON report, as {@code rampart scan -f json} writes it. */
  public ReportDocument report() {
    return ReportDocument.of(result, ReportContext.of(List.of(), toolVersion));
  }

  public static NewScan of(
      ScanResult result,
      List<CheckDescriptor> catalog,
      String toolVersion,
      Snapshot snapshot,
      List<AssetGroup> assetGroups) {
    AssetGroups groups = new AssetGroups(assetGroups);
    Map<String, List<String>> byFinding = new LinkedHashMap<>();
    Map<String, CheckDescriptor> byId = new LinkedHashMap<>();
    catalog.forEach(d -> byId.putIfAbsent(d.id(), d));
    Map<String, Map<String, Object>> checks = new LinkedHashMap<>();
    for (Finding f : result.findings()) {
      Finding.Resource r = f.resource();
      Optional<KubeObject> o = snapshot.find(r.kind(), r.namespace(), r.name());
      if (o.isPresent()) {
        List<String> names = groups.of(o.get()).stream().map(AssetGroup::name).toList();
        if (!names.isEmpty()) {
          byFinding.put(f.id(), names);
        }
      }
      CheckDescriptor d = byId.get(f.checkId());
      if (d != null) {
        checks.putIfAbsent(d.id(), CheckJson.of(d));
      }
    }
    return new NewScan(result, toolVersion, byFinding, checks);
  }
}
