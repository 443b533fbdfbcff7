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
 * A scan ready to be stored: its JSON report, the asset groups each finding's object belongs to
 * (which the report does not say per finding, and which cannot be worked out later without the
 * snapshot) and the metadata of the checks that found something.
 *
 * @param groupsByFinding finding id to the names of its object's asset groups
 * @param checks check id to its JSON metadata ({@link CheckJson})
 */
public record NewScan(
    ReportDocument report,
    Map<String, List<String>> groupsByFinding,
    Map<String, Map<String, Object>> checks) {

  public NewScan {
    groupsByFinding = Map.copyOf(groupsByFinding);
    checks = Map.copyOf(checks);
  }

  public static NewScan of(
      ScanResult result,
      List<CheckDescriptor> catalog,
      String toolVersion,
      Snapshot snapshot,
      List<AssetGroup> assetGroups) {
    ReportDocument report = ReportDocument.of(result, ReportContext.of(catalog, toolVersion));
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
    return new NewScan(report, byFinding, checks);
  }
}
