package dev.rampart.checks;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** A check of every object of some kinds (ConfigMaps, Services, ...). */
public abstract class ObjectCheck implements Check {

  private final List<String> kinds;

  protected ObjectCheck(String... kinds) {
    this.kinds = List.of(kinds);
  }

  /** The kinds it checks. */
  @Override
  public Set<String> requires() {
    return Set.copyOf(kinds);
  }

  @Override
  public final void run(Snapshot snapshot, CheckContext context, Results results) {
    List<Violation> found = new ArrayList<>();
    for (String kind : kinds) {
      for (KubeObject o : snapshot.ofKind(kind)) {
        found.clear();
        check(o, snapshot, context, found::add);
        if (found.isEmpty()) {
          results.pass(o);
        } else {
          found.forEach(results::fail);
        }
      }
    }
  }

  protected abstract void check(
      KubeObject object, Snapshot snapshot, CheckContext context, Consumer<Violation> fail);
}
