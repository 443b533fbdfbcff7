package dev.rampart.source.file;

import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.KubeObject;
import java.util.ArrayList;
import java.util.List;

/** Gathers what the streams of one read produce, in reading order. */
final class Collector {

  private final List<KubeObject> objects = new ArrayList<>();
  private final List<InputProblem> problems = new ArrayList<>();

  void add(KubeObject object) {
    objects.add(object);
  }

  void add(InputProblem problem) {
    problems.add(problem);
  }

  void addAll(Collector other) {
    objects.addAll(other.objects);
    problems.addAll(other.problems);
  }

  /** How many objects and problems there are so far, to tell whether a stream added any. */
  int size() {
    return objects.size() + problems.size();
  }

  ManifestReader.Result result() {
    return new ManifestReader.Result(List.copyOf(objects), List.copyOf(problems));
  }
}
