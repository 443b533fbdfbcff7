package dev.rampart.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link PodNetwork#minimal} agrees with its definition, every pair compared: the distinct prefixes
 * that no other prefix of the list holds, in the order they first appear.
 */
class PodNetworkMinimalPropertyTest {

  /** Few addresses and lengths, so that duplicates and nesting are common. */
  private static final List<String> ADDRESSES =
      List.of("10.244.1.5", "10.244.1.200", "10.244.2.9", "10.0.0.0", "192.168.1.1", "fd00::1");

  private static final int[] V4_LENGTHS = {8, 16, 24, 32};
  private static final int[] V6_LENGTHS = {7, 64, 128};

  @Property(tries = 300)
  void keepsTheDistinctPrefixesNoOtherHolds(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 30) int size) {
    Random random = new Random(seed);
    List<Cidr> all = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String address = ADDRESSES.get(random.nextInt(ADDRESSES.size()));
      int[] lengths = address.contains(":") ? V6_LENGTHS : V4_LENGTHS;
      all.add(Cidr.parse(address + "/" + lengths[random.nextInt(lengths.length)]));
    }
    assertThat(PodNetwork.minimal(all)).containsExactlyElementsOf(naive(all));
  }

  private static List<Cidr> naive(List<Cidr> all) {
    List<Cidr> result = new ArrayList<>();
    for (Cidr c : all) {
      boolean inside = false;
      for (Cidr o : all) {
        if (o.contains(c) && !c.contains(o)) {
          inside = true;
        }
      }
      if (!inside && !result.contains(c)) {
        result.add(c);
      }
    }
    return result;
  }
}
