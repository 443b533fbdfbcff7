package dev.rampart.source.file;

import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.KubeObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads Kubernetes objects from YAML and JSON: files, directories (recursively), standard input,
 * multi-document streams, {@code kind: List} and typed lists, rendered Helm and Kustomize output.
 *
 * <p>Every problem becomes an {@link InputProblem} naming file, line and document, and reading goes
 * on with the next document: one broken manifest never hides the others.
 */
public final class ManifestReader {

  /** What {@code -} stands for. */
  public static final String STDIN = "-";

  private static final String STDIN_NAME = "<stdin>";

  /**
   * The order kubectl walks a directory in: entry by entry, by name, each directory's content right
   * after its name. (Comparing whole path strings would put {@code a-b/} before {@code a/}.)
   */
  private static final Comparator<Path> WALK_ORDER =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.getNameCount(), b.getNameCount()); i++) {
          int c = a.getName(i).toString().compareTo(b.getName(i).toString());
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.getNameCount(), b.getNameCount());
      };

  private final Parsers parsers;

  public ManifestReader() {
    this(ParseLimits.DEFAULT);
  }

  public ManifestReader(ParseLimits limits) {
    this(Parsers.of(limits));
  }

  ManifestReader(Parsers parsers) {
    this.parsers = parsers;
  }

  /** What was read: the objects, and the problems met on the way. */
  public record Result(List<KubeObject> objects, List<InputProblem> problems) {}

  /** Reads every input: a file, a directory (recursively) or {@code -} for standard input. */
  public Result read(List<String> inputs, InputStream stdin) {
    Collector out = new Collector();
    for (String input : inputs) {
      if (STDIN.equals(input)) {
        new ManifestStream(STDIN_NAME, parsers, out)
            .read(stdin == null ? InputStream.nullInputStream() : stdin);
      } else if (Files.isDirectory(Path.of(input))) {
        readDirectory(Path.of(input), out);
      } else {
        readFile(Path.of(input), out);
      }
    }
    return out.result();
  }

  /** Reads one named stream (a bundled resource, standard input). */
  public Result read(String name, InputStream in) {
    Collector out = new Collector();
    new ManifestStream(name, parsers, out).read(in);
    return out.result();
  }

  private void readDirectory(Path root, Collector out) {
    int before = out.size();
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return dir.equals(root) || !isHidden(dir)
                  ? FileVisitResult.CONTINUE
                  : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (isManifestName(file) && !isHidden(file)) {
                if (attrs.isRegularFile()) {
                  files.add(file);
                } else if (attrs.isSymbolicLink()) {
                  out.add(InputProblem.error(file.toString(), 0, 0, "broken symbolic link"));
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              out.add(InputProblem.error(file.toString(), 0, 0, ParseMessages.reading(e)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      out.add(InputProblem.error(root.toString(), 0, 0, ParseMessages.reading(e)));
    }
    if (files.isEmpty() && out.size() == before) {
      out.add(InputProblem.warning(root.toString(), 0, 0, "no .yaml, .yml or .json files in it"));
    }
    files.sort(WALK_ORDER);
    // Files are independent: read them on every core, then keep the walk order.
    files.parallelStream()
        .map(
            file -> {
              Collector one = new Collector();
              readFile(file, one);
              return one;
            })
        .forEachOrdered(out::addAll);
  }

  /**
   * Hidden directories hold version control and tool settings ({@code .git}, {@code .github});
   * hidden files are tool configurations ({@code .gitlab-ci.yml}, {@code .pre-commit-config.yaml}),
   * not manifests.
   */
  private static boolean isHidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }

  private static boolean isManifestName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private void readFile(Path path, Collector out) {
    try (InputStream in = Files.newInputStream(path)) {
      new ManifestStream(path.toString(), parsers, out).read(in);
    } catch (IOException e) {
      out.add(InputProblem.error(path.toString(), 0, 0, ParseMessages.reading(e)));
    }
  }
}
