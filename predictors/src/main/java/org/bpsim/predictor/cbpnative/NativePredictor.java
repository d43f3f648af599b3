package org.bpsim.predictor.cbpnative;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/**
 * A native predictor in a child process of its own, spoken to over its standard input and
 * output (the protocol is in {@code bpsim_native_io.h}). In a replay it takes whole batches
 * ({@link #predictBatch}); driven one branch at a time (a timing model), each prediction is a
 * round trip and the updates wait in a buffer for the next one. A child that dies fails this
 * predictor with a {@link NativePredictorException} naming the signal; the child also dies with
 * bpsim (the driver asks the kernel for that), and {@link #close} ends it.
 */
public class NativePredictor implements BranchPredictor, BatchPredictor, AutoCloseable {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static final int BRANCH_BYTES = 25;
  private static final Map<Integer, String> SIGNALS = Map.ofEntries(
      Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"), Map.entry(3, "SIGQUIT"),
      Map.entry(4, "SIGILL, illegal instruction"), Map.entry(5, "SIGTRAP"),
      Map.entry(6, "SIGABRT, aborted"), Map.entry(7, "SIGBUS, bus error"),
      Map.entry(8, "SIGFPE, arithmetic exception"), Map.entry(9, "SIGKILL, killed"),
      Map.entry(11, "SIGSEGV, segmentation fault"), Map.entry(13, "SIGPIPE"),
      Map.entry(15, "SIGTERM, terminated"), Map.entry(24, "SIGXCPU"), Map.entry(25, "SIGXFSZ"));

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
        "bpsim-native-predictors"));
  }

  private final String what;
  private final Process process;
  private final OutputStream out;
  private final ReplyReader replies;
  private final ErrorTail errors;
  private final long storageBits;
  private byte[] request = new byte[5 + 8192 * BRANCH_BYTES];
  private byte[] scratch = new byte[8192];
  private final boolean[] one = new boolean[1];
  private long branches;
  private String failure;

  /**
   * Starts {@code program} and waits for its predictor to be built.
   *
   * @param what how messages name it, e.g. {@code cbp2016 predictor in examples/x}
   */
  NativePredictor(Path program, String what, long storageBits) throws IOException {
    this.what = what;
    this.storageBits = storageBits;
    this.process = new ProcessBuilder(program.toString()).start();
    LIVE.add(process);
    this.out = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
    this.replies = new ReplyReader(process.getInputStream());
    this.errors = new ErrorTail(process.getErrorStream(), what);
    try {
      replies.readHello();
    } catch (IOException e) {
      throw died(e);
    }
  }

  @Override
  public void predictBatch(long[] pc, long[] target, byte[] kind, boolean[] taken,
      long[] position, int count, boolean[] predictions) {
    int bytes = 5 + count * BRANCH_BYTES;
    if (request.length < bytes) {
      request = new byte[bytes];
    }
    if (scratch.length < count) {
      scratch = new byte[count];
    }
    byte[] r = request;
    r[0] = 'B';
    putInt(r, 1, count);
    int at = 5;
    for (int i = 0; i < count; i++) {
      putLong(r, at, pc[i]);
      putLong(r, at + 8, target[i]);
      putLong(r, at + 16, position[i] - 1);
      r[at + 24] = (byte) (kind[i] | (taken[i] ? 16 : 0));
      at += BRANCH_BYTES;
    }
    try {
      out.write(r, 0, bytes);
      out.flush();
      replies.readPredictions(predictions, count, scratch);
    } catch (IOException e) {
      throw died(e);
    }
    branches += count;
  }

  @Override
  public boolean predict(long pc) {
    return ask('P', pc, branches);
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    byte[] r = request;
    r[0] = 'U';
    putLong(r, 1, pc);
    putLong(r, 9, target);
    putLong(r, 17, branches);
    r[25] = (byte) (kind.code() | (taken ? 16 : 0));
    send(r, 26);
    branches++;
  }

  /** A request with one prediction for an answer: {@code tag}, then two words. */
  final boolean ask(char tag, long first, long second) {
    byte[] r = request;
    r[0] = (byte) tag;
    putLong(r, 1, first);
    putLong(r, 9, second);
    try {
      out.write(r, 0, 17);
      out.flush();
      replies.readPredictions(one, 1, scratch);
    } catch (IOException e) {
      throw died(e);
    }
    return one[0];
  }

  /** A request of {@code length} bytes, made in {@link #buffer}, with one prediction for an answer. */
  final boolean askBuffered(int length) {
    try {
      out.write(request, 0, length);
      out.flush();
      replies.readPredictions(one, 1, scratch);
    } catch (IOException e) {
      throw died(e);
    }
    return one[0];
  }

  /** A request without an answer: buffered until the next one that has one. */
  final void send(byte[] bytes, int length) {
    try {
      out.write(bytes, 0, length);
    } catch (IOException e) {
      throw died(e);
    }
  }

  /** The request buffer, for subclasses' messages (at least 64 bytes). */
  final byte[] buffer() {
    return request;
  }

  @Override
  public long storageBits() {
    return storageBits;
  }

  /** Ends the child: asked to quit, then killed if it does not. */
  @Override
  public void close() {
    try {
      out.write('Q');
      out.close();
    } catch (IOException e) {
      // it has gone already
    }
    try {
      if (!process.waitFor(1, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    LIVE.remove(process);
  }

  /** What went wrong, once the child has broken the protocol or died. */
  private NativePredictorException died(IOException cause) {
    if (failure != null) {
      return new NativePredictorException(failure);
    }
    String reason;
    if (cause instanceof EOFException || !(cause instanceof ReplyReader.NativeProtocolException)) {
      reason = exitReason();
    } else {
      process.destroyForcibly();
      reason = "broke the reply protocol: " + cause.getMessage();
    }
    String last = errors.lastLine();
    failure = "the " + what + " " + reason + (last.isEmpty() ? "" : "; its last words: " + last);
    LIVE.remove(process);
    return new NativePredictorException(failure);
  }

  private String exitReason() {
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "stopped answering";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return "was interrupted";
    }
    errors.awaitEnd();
    int status = process.exitValue();
    if (status > 128 && status < 128 + 65) {
      int signal = status - 128;
      return String.format(Locale.ROOT, "was killed by signal %d (%s)", signal,
          SIGNALS.getOrDefault(signal, "SIG" + signal));
    }
    return "exited with status " + status + " before answering";
  }

  static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
    b[at + 2] = (byte) (v >>> 16);
    b[at + 3] = (byte) (v >>> 24);
  }

  private static final java.lang.invoke.VarHandle LITTLE_ENDIAN_LONG =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
          java.nio.ByteOrder.LITTLE_ENDIAN);

  static void putLong(byte[] b, int at, long v) {
    LITTLE_ENDIAN_LONG.set(b, at, v);
  }

  /** Keeps the last few kilobytes the child writes on standard error, for failure messages. */
  private static final class ErrorTail {
    private static final int KEEP = 4096;
    private final StringBuilder tail = new StringBuilder();
    private final Thread thread;

    ErrorTail(InputStream in, String what) {
      thread = new Thread(() -> drain(in), "bpsim-native-stderr " + what);
      thread.setDaemon(true);
      thread.start();
    }

    private void drain(InputStream in) {
      byte[] chunk = new byte[4096];
      try (in) {
        int got;
        while ((got = in.read(chunk)) > 0) {
          synchronized (tail) {
            tail.append(new String(chunk, 0, got, StandardCharsets.UTF_8));
            if (tail.length() > 2 * KEEP) {
              tail.delete(0, tail.length() - KEEP);
            }
          }
        }
      } catch (IOException e) {
        // the child has gone
      }
    }

    void awaitEnd() {
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    String lastLine() {
      synchronized (tail) {
        String text = tail.toString().strip();
        int newline = text.lastIndexOf('\n');
        String line = newline < 0 ? text : text.substring(newline + 1);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
      }
    }
  }
}
