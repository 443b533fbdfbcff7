package dev.rampart.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The addresses of a NetworkPolicy {@code ipBlock}: a prefix minus its {@code except} prefixes.
 *
 * @param except prefixes taken out; the API requires them to lie inside {@code cidr}, and those
 *     that do not are simply irrelevant here
 */
public record IpBlock(Cidr cidr, List<Cidr> except) {

  public IpBlock {
    except = List.copyOf(except);
  }

  /** Whether every address of {@code range} is in the block. */
  public boolean containsAll(Cidr range) {
    if (!cidr.contains(range)) {
      return false;
    }
    for (Cidr e : except) {
      if (e.overlaps(range)) {
        return false;
      }
    }
    return true;
  }

  /** Whether some address of {@code range} is in the block. */
  public boolean intersects(Cidr range) {
    if (!cidr.overlaps(range)) {
      return false;
    }
    Cidr common = cidr.contains(range) ? range : cidr;
    return !Cidr.covered(common, except);
  }

  /** Whether the block holds an address on the internet (outside the private ranges). */
  public boolean hasPublicAddress() {
    List<Cidr> taken = new ArrayList<>(except);
    taken.addAll(Addresses.PRIVATE);
    return !Cidr.covered(cidr, taken);
  }

  /** Whether the block is every address of its family, with nothing taken out. */
  public boolean isEverything() {
    return cidr.prefix() == 0 && except.isEmpty();
  }

  public String describe() {
    if (except.isEmpty()) {
      return cidr.toString();
    }
    return cidr + " except " + String.join(", ", except.stream().map(Cidr::toString).toList());
  }
}
