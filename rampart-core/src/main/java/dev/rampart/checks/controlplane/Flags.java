package dev.rampart.checks.controlplane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command-line flags of a container, parsed the way the components parse them (spf13/pflag for
 * the Kubernetes binaries, Go's flag package for etcd): {@code --flag=value}, {@code --flag value},
 * a bare boolean {@code --flag}, single or double dashes, repeated flags (the last wins for a
 * single value, all count for a list), and a command wrapped in a shell ({@code sh -c
 * "kube-apiserver --a=b"}). Command and args are read in order, as the container runtime joins
 * them.
 */
public final class Flags {

  /**
   * Boolean flags of the control-plane components. A boolean flag never takes the next word as its
   * value ({@code --profiling false} sets profiling to true and leaves a stray {@code false}), as
   * in pflag and Go's flag package; any other flag written without {@code =} does.
   */
  static final Set<String> BOOLEAN =
      Set.of(
          "allow-privileged",
          "anonymous-auth",
          "auto-tls",
          "client-cert-auth",
          "enable-aggregator-routing",
          "enable-bootstrap-token-auth",
          "enable-priority-and-fairness",
          "leader-elect",
          "allocate-node-cidrs",
          "peer-auto-tls",
          "peer-client-cert-auth",
          "profiling",
          "service-account-lookup",
          "use-service-account-credentials",
          "experimental-initial-corrupt-check",
          "strict-reconfig-check",
          "enable-pprof",
          "kubelet-https",
          "logtostderr");

  /**
   * One occurrence of a flag.
   *
   * @param value the value; {@code "true"} for a bare boolean flag
   * @param list {@code command} or {@code args}: where it was written
   */
  public record Occurrence(String name, String value, String list) {}

  private final List<Occurrence> occurrences;

  private Flags(List<Occurrence> occurrences) {
    this.occurrences = List.copyOf(occurrences);
  }

  public static Flags parse(List<String> command, List<String> args) {
    List<String[]> words = new ArrayList<>();
    boolean shell = command != null && !command.isEmpty() && isShell(command.get(0));
    addWords(words, command, "command", shell);
    addWords(words, args, "args", shell);
    List<Occurrence> found = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i)[0];
      String list = words.get(i)[1];
      if (word.equals("--")) {
        break;
      }
      if (!isFlag(word)) {
        continue;
      }
      String body = word.substring(word.startsWith("--") ? 2 : 1);
      int eq = body.indexOf('=');
      if (eq >= 0) {
        found.add(new Occurrence(body.substring(0, eq), unquote(body.substring(eq + 1)), list));
      } else if (!BOOLEAN.contains(body) && i + 1 < words.size() && !isFlag(words.get(i + 1)[0])) {
        found.add(new Occurrence(body, unquote(words.get(i + 1)[0]), list));
        i++;
      } else {
        found.add(new Occurrence(body, "true", list));
      }
    }
    return new Flags(found);
  }

  /**
   * Each element is one argument, spaces included, as the runtime passes it; only under a shell
   * ({@code sh -c "kube-apiserver --a=b --c d"}) are the flags inside one element, split as the
   * shell splits simple words.
   */
  private static void addWords(
      List<String[]> words, List<String> list, String name, boolean shell) {
    if (list == null) {
      return;
    }
    for (String element : list) {
      if (element == null) {
        continue;
      }
      if (shell) {
        for (String word : split(element)) {
          words.add(new String[] {word, name});
        }
      } else {
        words.add(new String[] {element, name});
      }
    }
  }

  private static boolean isShell(String program) {
    String base = program.substring(program.lastIndexOf('/') + 1);
    return Set.of("sh", "bash", "ash", "dash", "zsh").contains(base);
  }

  private static boolean isFlag(String word) {
    return word.length() > 1
        && word.charAt(0) == '-'
        && !Character.isDigit(word.charAt(1))
        && !word.equals("--");
  }

  /** Splits on unquoted whitespace, keeping quoted parts together (a shell's simple words). */
  static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : text.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(current.toString());
          current.setLength(0);
          inWord = false;
        }
      } else {
        current.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(current.toString());
    }
    return words;
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  public List<Occurrence> occurrences() {
    return occurrences;
  }

  public boolean has(String name) {
    return last(name).isPresent();
  }

  /** The last occurrence: the one that wins for a single-valued flag. */
  public Optional<Occurrence> last(String name) {
    for (int i = occurrences.size() - 1; i >= 0; i--) {
      if (occurrences.get(i).name().equals(name)) {
        return Optional.of(occurrences.get(i));
      }
    }
    return Optional.empty();
  }

  public Optional<String> value(String name) {
    return last(name).map(Occurrence::value);
  }

  /**
   * Every comma-separated element of every occurrence, in order: repeated list flags append, as
   * pflag's string slices do.
   */
  public List<String> list(String name) {
    List<String> all = new ArrayList<>();
    for (Occurrence o : occurrences) {
      if (o.name().equals(name)) {
        all.addAll(splitList(o.value()));
      }
    }
    return all;
  }

  /** A {@code key=value,...} flag such as {@code --feature-gates}; later keys win. */
  public Map<String, String> map(String name) {
    Map<String, String> all = new LinkedHashMap<>();
    for (String entry : list(name)) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        all.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
      }
    }
    return all;
  }

  static List<String> splitList(String value) {
    List<String> parts = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    return parts;
  }
}
