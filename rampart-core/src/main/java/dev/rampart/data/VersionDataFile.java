package dev.rampart.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.checks.version.KnownVulnerability;
import dev.rampart.checks.version.KubernetesRelease;
import dev.rampart.checks.version.Version;
import dev.rampart.checks.version.VersionData;
import dev.rampart.checks.version.VersionRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and validates the version data file ({@code schema: rampart.dev/versions/v1}): the copy
 * bundled in the jar, or a newer one given to {@code rampart data update}. Every problem is
 * reported with the file and the entry, and a file with any problem is refused whole.
 */
public final class VersionDataFile {

  public static final String SCHEMA = "rampart.dev/versions/v1";
  static final String BUNDLED = "/data/versions.json";

  static final Set<String> COMPONENTS =
      Set.of(
          "kube-apiserver", "kubelet", "kube-proxy", "containerd", "linux-kernel", "ingress-nginx");
  private static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low");
  private static final Pattern DATA_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
  private static final Pattern MINOR = Pattern.compile("\\d+\\.\\d+");
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
  private static final long MAX_BYTES = 8L * 1024 * 1024;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static volatile VersionData bundled;

  private VersionDataFile() {}

  record FileDto(
      String schema,
      String version,
      String date,
      List<String> sources,
      KubernetesDto kubernetes,
      List<VulnerabilityDto> vulnerabilities) {}

  record KubernetesDto(List<ReleaseDto> releases) {}

  record ReleaseDto(String minor, String endOfLife, String finalPatch) {}

  record VulnerabilityDto(
      String id,
      String component,
      String severity,
      String title,
      List<RangeDto> affected,
      String os,
      String note,
      String mitigatedBy,
      List<String> references) {}

  record RangeDto(String introduced, String fixed) {}

  /** The data bundled in the jar, read once. */
  public static VersionData bundled() {
    VersionData data = bundled;
    if (data == null) {
      try (InputStream in = VersionDataFile.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new IllegalStateException("the jar has no " + BUNDLED);
        }
        data = parse("bundled " + BUNDLED, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("the bundled version data is damaged", e);
      } catch (DataFileException e) {
        throw new IllegalStateException(
            "the bundled version data is invalid: " + e.getMessage(), e);
      }
      bundled = data;
    }
    return data;
  }

  /**
   * Parses and validates a data file.
   *
   * @param name how to cite the file in messages
   * @throws DataFileException naming the file and every problem found
   */
  public static VersionData parse(String name, byte[] content) throws DataFileException {
    if (content.length > MAX_BYTES) {
      throw new DataFileException(name + ": larger than " + MAX_BYTES / 1024 / 1024 + " MB");
    }
    FileDto dto;
    try {
      dto = JSON.readValue(content, FileDto.class);
    } catch (JsonMappingException e) {
      throw new DataFileException(name + ": " + describe(e), e);
    } catch (JsonProcessingException e) {
      throw new DataFileException(
          name + ": not valid JSON (" + e.getOriginalMessage() + ") at line " + line(e), e);
    } catch (IOException e) {
      throw new DataFileException(name + ": " + e.getMessage(), e);
    }
    if (dto == null) {
      throw new DataFileException(name + ": empty");
    }
    List<String> problems = new ArrayList<>();
    VersionData data = convert(dto, problems);
    if (!problems.isEmpty()) {
      throw new DataFileException(
          name
              + " is not valid version data:\n  - "
              + String.join("\n  - ", problems.stream().limit(20).toList())
              + (problems.size() > 20 ? "\n  - ... " + (problems.size() - 20) + " more" : ""));
    }
    return data;
  }

  private static VersionData convert(FileDto f, List<String> problems) {
    if (!SCHEMA.equals(f.schema())) {
      problems.add("schema must be " + SCHEMA + ", found " + f.schema());
    }
    if (f.version() == null || !DATA_VERSION.matcher(f.version()).matches()) {
      problems.add("version must look like 2026.11.1, found " + f.version());
    }
    LocalDate date = date("date", f.date(), problems);
    if (f.sources() == null || f.sources().isEmpty()) {
      problems.add("sources must say where the data comes from");
    }
    List<KubernetesRelease> releases = new ArrayList<>();
    if (f.kubernetes() == null
        || f.kubernetes().releases() == null
        || f.kubernetes().releases().isEmpty()) {
      problems.add("kubernetes.releases is missing or empty");
    } else {
      Set<String> seen = new HashSet<>();
      for (ReleaseDto r : f.kubernetes().releases()) {
        String where = "kubernetes.releases[" + r.minor() + "]";
        if (r.minor() == null || !MINOR.matcher(r.minor()).matches()) {
          problems.add(where + ": minor must look like 1.29");
          continue;
        }
        if (!seen.add(r.minor())) {
          problems.add(where + ": listed twice");
        }
        LocalDate eol = date(where + ".endOfLife", r.endOfLife(), problems);
        Version finalPatch =
            r.finalPatch() == null
                ? null
                : version(where + ".finalPatch", r.finalPatch(), problems);
        if (eol != null) {
          releases.add(new KubernetesRelease(Version.of(r.minor()), eol, finalPatch));
        }
      }
    }
    List<KnownVulnerability> vulnerabilities = new ArrayList<>();
    for (VulnerabilityDto v :
        f.vulnerabilities() == null ? List.<VulnerabilityDto>of() : f.vulnerabilities()) {
      KnownVulnerability k = vulnerability(v, problems);
      if (k != null) {
        vulnerabilities.add(k);
      }
    }
    return new VersionData(
        f.version(),
        date,
        f.sources() == null ? List.of() : f.sources(),
        releases,
        vulnerabilities);
  }

  private static KnownVulnerability vulnerability(VulnerabilityDto v, List<String> problems) {
    String where = "vulnerabilities[" + v.id() + "]";
    int before = problems.size();
    if (v.id() == null || !CVE.matcher(v.id()).matches()) {
      problems.add(where + ": id must be a CVE id such as CVE-2024-21626");
    }
    if (!COMPONENTS.contains(v.component())) {
      problems.add(
          where
              + ": component must be one of "
              + COMPONENTS.stream().sorted().collect(Collectors.joining(", "))
              + ", found "
              + v.component());
    }
    String severity = v.severity() == null ? null : v.severity().toLowerCase(Locale.ROOT);
    if (!SEVERITIES.contains(severity)) {
      problems.add(where + ": severity must be critical, high, medium or low");
    }
    if (v.title() == null || v.title().isBlank()) {
      problems.add(where + ": title is missing");
    }
    if (v.mitigatedBy() != null
        && !v.mitigatedBy().matches(KnownVulnerability.ADMISSION_PLUGIN + "[A-Za-z]+")) {
      problems.add(where + ": mitigatedBy must look like admission-plugin:DenyServiceExternalIPs");
    }
    if (v.references() == null || v.references().isEmpty()) {
      problems.add(where + ": references must cite the advisory");
    }
    List<VersionRange> ranges = new ArrayList<>();
    if (v.affected() == null || v.affected().isEmpty()) {
      problems.add(where + ": affected is missing or empty");
    } else {
      for (RangeDto r : v.affected()) {
        Version from =
            r.introduced() == null
                ? null
                : version(where + ".introduced", r.introduced(), problems);
        Version to = r.fixed() == null ? null : version(where + ".fixed", r.fixed(), problems);
        if (from != null && to != null && !from.isBefore(to)) {
          problems.add(where + ": range introduced " + from + " is not before fixed " + to);
        }
        ranges.add(new VersionRange(from, to));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new KnownVulnerability(
        v.id(),
        v.component(),
        severity,
        v.title().strip(),
        ranges,
        v.os(),
        v.note(),
        v.mitigatedBy(),
        v.references());
  }

  private static LocalDate date(String where, String text, List<String> problems) {
    try {
      return LocalDate.parse(text == null ? "" : text);
    } catch (DateTimeParseException e) {
      problems.add(where + " must be a date such as 2026-11-28, found " + text);
      return null;
    }
  }

  private static Version version(String where, String text, List<String> problems) {
    return Version.parse(text)
        .filter(v -> v.suffix().isEmpty())
        .orElseGet(
            () -> {
              problems.add(where + " must be a version such as 1.29.4, found " + text);
              return null;
            });
  }

  private static String describe(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    String what = e.getOriginalMessage();
    int cut = what.indexOf(" (class ");
    if (cut > 0) {
      what = what.substring(0, cut);
    }
    return (path.isEmpty() ? "" : path + ": ") + what + " at line " + line(e);
  }

  private static int line(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }
}
