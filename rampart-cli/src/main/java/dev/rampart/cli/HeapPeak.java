package dev.rampart.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The most heap a process used, for {@code --timings}. The heap is fullest just before a
 * collection, so this adds up the heap pools' usage before every collection (each pool's own peak
 * would overstate it: the young pools peak at other times than the old one) and at the end.
 */
final class HeapPeak {

  private final AtomicLong peak = new AtomicLong();
  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());

  /** Starts listening to the collectors of this JVM. */
  static HeapPeak start() {
    HeapPeak heap = new HeapPeak();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(
            (notification, handback) -> {
              if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                  notification.getType())) {
                heap.before(
                    GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData()));
              }
            },
            null,
            null);
      }
    }
    return heap;
  }

  private void before(GarbageCollectionNotificationInfo info) {
    long used = 0;
    for (var pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    peak.accumulateAndGet(used, Math::max);
  }

  /** The peak so far in MiB, the current usage included. */
  long peakMiB() {
    MemoryUsage now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return Math.max(peak.get(), now.getUsed()) / (1024 * 1024);
  }
}
