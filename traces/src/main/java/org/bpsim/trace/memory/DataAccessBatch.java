package org.bpsim.trace.memory;

/**
 * A reusable block of data accesses in primitive arrays, so that streaming a memory trace costs
 * no allocation per access. Sizes are in bytes; 0 means the trace does not say.
 */
public final class DataAccessBatch {
  public static final int DEFAULT_CAPACITY = 4096;

  private final long[] addresses;
  private final boolean[] writes;
  private final int[] sizes;
  private int size;

  public DataAccessBatch() {
    this(DEFAULT_CAPACITY);
  }

  public DataAccessBatch(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be > 0, not " + capacity);
    }
    addresses = new long[capacity];
    writes = new boolean[capacity];
    sizes = new int[capacity];
  }

  public void clear() {
    size = 0;
  }

  public boolean isFull() {
    return size == addresses.length;
  }

  public int size() {
    return size;
  }

  public int capacity() {
    return addresses.length;
  }

  public void add(long address, boolean write, int bytes) {
    addresses[size] = address;
    writes[size] = write;
    sizes[size] = bytes;
    size++;
  }

  public long address(int i) {
    return addresses[i];
  }

  public boolean isWrite(int i) {
    return writes[i];
  }

  public int bytes(int i) {
    return sizes[i];
  }
}
