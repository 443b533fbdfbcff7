package dev.rampart.source.file;

import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import java.util.ArrayList;
import java.util.List;

/** Gathers what the streams of one read produce, in reading order. */
final class Collector {

  private final List<KubeObject> objects = new ArrayList<>();
  private final List<InputProblem> problems = new ArrayList<>();

  /** Documents {@link BlockYaml} read, to show that the fast path is taken. */
  private int fastDocuments;

  void add(KubeObject object) {
    objects.add(object);
  }

  void add(InputProblem problem) {
    problems.add(problem);
  }

  void addAll(Collector other) {
    objects.addAll(other.objects);
    problems.addAll(other.problems);
    fastDocuments += other.fastDocuments;
  }

  void countFastDocument() {
    fastDocuments++;
  }

  int fastDocuments() {
    return fastDocuments;
  }

  /** Appends another collector's findings, their document numbers shifted by {@code offset}. */
  void addAll(Collector other, int offset) {
    if (offset == 0) {
      addAll(other);
      return;
    }
    for (KubeObject o : other.objects) {
      Origin origin = o.origin();
      objects.add(
          new KubeObject(
              o.resource(),
              new Origin(
                  origin.file(), origin.document() + offset, origin.line(), origin.template())));
    }
    for (InputProblem p : other.problems) {
      problems.add(
          new InputProblem(p.level(), p.file(), p.line(), p.document() + offset, p.message()));
    }
    fastDocuments += other.fastDocuments;
  }

  /** How many objects and problems there are so far, to tell whether a stream added any. */
  int size() {
    return objects.size() + problems.size();
  }

  ManifestReader.Result result() {
    return new ManifestReader.Result(List.copyOf(objects), List.copyOf(problems));
  }
}
