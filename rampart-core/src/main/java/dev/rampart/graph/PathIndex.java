package dev.rampart.graph;

import dev.rampart.snapshot.KubeObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which objects lie on an attack path: the objects the path's assets stand for, and those its
 * evidence names (the bindings and roles that grant a step). Keeps the highest-scoring path per
 * object.
 */
public final class PathIndex {

  /** {@code Kind/name} or {@code Kind/namespace/name} as {@code ObjectRef.display()} writes it. */
  private static final Pattern REF = Pattern.compile("\\b[A-Z][A-Za-z]+/[a-z0-9][-a-z0-9.:/]*");

  private final Map<String, AttackPath> best = new HashMap<>();

  private PathIndex() {}

  public static PathIndex of(AssetGraph graph, List<AttackPath> paths) {
    PathIndex index = new PathIndex();
    for (AttackPath p : paths) {
      for (AttackPath.Step s : p.steps()) {
        graph.object(s.from()).ifPresent(o -> index.add(o.ref().display(), p));
        graph.object(s.to()).ifPresent(o -> index.add(o.ref().display(), p));
        for (String e : s.edge().evidence()) {
          Matcher m = REF.matcher(e);
          while (m.find()) {
            index.add(m.group(), p);
          }
        }
      }
    }
    return index;
  }

  public static PathIndex empty() {
    return new PathIndex();
  }

  private void add(String ref, AttackPath p) {
    best.merge(ref, p, (a, b) -> b.score() > a.score() ? b : a);
  }

  /** The highest-scoring path {@code o} lies on. */
  public Optional<AttackPath> bestPath(KubeObject o) {
    return Optional.ofNullable(best.get(o.ref().display()));
  }

  /**
   * {@code on a path from internet to Secret/payments/db via Deployment/storefront/frontend (score
   * 41)}.
   */
  public static String reason(AttackPath p) {
    StringBuilder sb =
        new StringBuilder("on a path from ")
            .append(p.entry().id())
            .append(" to ")
            .append(p.target().id());
    List<Asset> vertices = new java.util.ArrayList<>();
    vertices.add(p.entry());
    p.steps().forEach(s -> vertices.add(s.to()));
    Asset foothold = AttackPaths.foothold(vertices);
    if (!foothold.equals(p.target())) {
      sb.append(" via ").append(foothold.id());
    }
    return sb.append(" (score ").append(p.score()).append(')').toString();
  }
}
