package dev.rampart.server;

import dev.rampart.store.NewScan;

/** Runs one scan of whatever the server watches (the demo, files, a live cluster). */
@FunctionalInterface
public interface ScanSource {

  NewScan scan() throws Exception;
}
