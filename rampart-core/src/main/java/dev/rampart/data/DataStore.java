package dev.rampart.data;

import dev.rampart.checks.version.Version;
import dev.rampart.checks.version.VersionData;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the version data in use comes from: the copy bundled in the jar, or a newer file the user
 * installed with {@code rampart data update --from FILE} into the data directory ({@code
 * ~/.rampart/data}, or {@code $RAMPART_DATA_DIR}). Never touches the network.
 */
public final class DataStore {

  public static final String FILE = "versions.json";
  public static final String ENV = "RAMPART_DATA_DIR";

  private final Path dir;

  public DataStore(Path dir) {
    this.dir = dir;
  }

  /** {@code $RAMPART_DATA_DIR}, else {@code ~/.rampart/data}. */
  public static DataStore defaults() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return new DataStore(Path.of(env));
    }
    return new DataStore(Path.of(System.getProperty("user.home"), ".rampart", "data"));
  }

  public Path dir() {
    return dir;
  }

  public Path installedFile() {
    return dir.resolve(FILE);
  }

  /**
   * The data in use and where it came from.
   *
   * @param origin {@code bundled with Rampart} or the installed file's path
   * @param warnings why an installed file was set aside (damaged, or older than the bundled data)
   */
  public record Active(VersionData data, String origin, List<String> warnings) {

    public Active {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * The installed file when it is valid and newer than the bundled data, else the bundled data: a
   * newer Rampart ships newer data than an old update.
   */
  public Active active() {
    VersionData bundled = VersionDataFile.bundled();
    Path file = installedFile();
    List<String> warnings = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      try {
        VersionData installed = VersionDataFile.parse(file.toString(), Files.readAllBytes(file));
        if (newer(installed, bundled)) {
          return new Active(installed, file.toString(), warnings);
        }
        warnings.add(
            file
                + " holds version data "
                + installed.version()
                + ", not newer than the bundled "
                + bundled.version()
                + "; using the bundled data");
      } catch (IOException | DataFileException e) {
        warnings.add(
            "ignoring "
                + file
                + ": "
                + e.getMessage()
                + "; using the bundled data (install a valid file with rampart data update)");
      }
    }
    return new Active(bundled, "bundled with Rampart", warnings);
  }

  /**
   * Validates {@code source} and installs it when it is newer than the data in use.
   *
   * @return the installed data
   * @throws DataFileException when the file is invalid or not newer; nothing is changed then
   */
  public VersionData update(Path source) throws DataFileException, IOException {
    byte[] content;
    try {
      content = Files.readAllBytes(source);
    } catch (IOException e) {
      throw new DataFileException(source + ": cannot be read (" + e.getMessage() + ")", e);
    }
    VersionData candidate = VersionDataFile.parse(source.toString(), content);
    VersionData current = active().data();
    if (!newer(candidate, current)) {
      throw new DataFileException(
          source
              + " holds version data "
              + candidate.version()
              + " ("
              + candidate.date()
              + "), not newer than the data in use, "
              + current.version()
              + " ("
              + current.date()
              + "); nothing changed");
    }
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, FILE, ".tmp");
    try {
      Files.write(temp, content);
      try {
        Files.move(
            temp,
            installedFile(),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, installedFile(), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return candidate;
  }

  static boolean newer(VersionData a, VersionData b) {
    return Version.of(a.version()).compareTo(Version.of(b.version())) > 0;
  }
}
