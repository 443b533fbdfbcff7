package dev.rampart.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataStoreTest {

  @Test
  void usesTheBundledDataUntilANewerFileIsInstalled(@TempDir Path home) throws Exception {
    DataStore store = new DataStore(home.resolve("data"));
    assertThat(store.active().origin()).isEqualTo("bundled with Rampart");
    assertThat(store.active().data()).isSameAs(VersionDataFile.bundled());

    Path newer = home.resolve("newer.json");
    Files.writeString(newer, VersionDataFileTest.MINIMAL);
    assertThat(store.update(newer).version()).isEqualTo("2099.1.0");

    DataStore.Active active = store.active();
    assertThat(active.data().version()).isEqualTo("2099.1.0");
    assertThat(active.origin()).isEqualTo(store.installedFile().toString());
    assertThat(active.warnings()).isEmpty();
  }

  @Test
  void refusesOlderDataAndInvalidFilesWithoutChangingAnything(@TempDir Path home) throws Exception {
    DataStore store = new DataStore(home.resolve("data"));
    Path older = home.resolve("older.json");
    Files.writeString(older, VersionDataFileTest.MINIMAL.replace("2099.1.0", "2000.1.0"));
    assertThatThrownBy(() -> store.update(older))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("not newer than the data in use");
    Path broken = home.resolve("broken.json");
    Files.writeString(broken, "{");
    assertThatThrownBy(() -> store.update(broken)).isInstanceOf(DataFileException.class);
    assertThatThrownBy(() -> store.update(home.resolve("missing.json")))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("cannot be read");
    assertThat(store.installedFile()).doesNotExist();
  }

  @Test
  void setsADamagedInstalledFileAsideWithAWarning(@TempDir Path home) throws Exception {
    DataStore store = new DataStore(home);
    Files.writeString(store.installedFile(), "not json");
    DataStore.Active active = store.active();
    assertThat(active.origin()).isEqualTo("bundled with Rampart");
    assertThat(active.warnings()).singleElement().asString().startsWith("ignoring ");
  }
}
