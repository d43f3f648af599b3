package org.bpsim.replay;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.bpsim.output.Temporaries;

/**
 * Turns a plugin's {@code System.exit} during a run into a failed predictor and exit code 3.
 *
 * <p>Java 17 and newer have no security manager to forbid the call, but an exit runs the
 * shutdown hooks before the JVM ends, and the thread that called it waits inside
 * {@code Shutdown.exit} meanwhile; every other thread keeps running. This hook finds that
 * thread: when it is a {@link PredictorLane}'s, the lane's predictor is failed, and the replay
 * goes on with the others; bpsim writes its results as usual and, instead of calling
 * {@code System.exit} itself (which would wait for ever behind the plugin's call), hands its
 * exit code to this hook ({@link #exit}), which ends the JVM with it ({@code Runtime.halt}), at
 * least 3. An exit that started on bpsim's own main thread (a plugin's code run while it was
 * being loaded) leaves nobody to write results: the hook says so and halts with 3 at once.
 * Exits by signal (Ctrl-C) and bpsim's own are left alone.
 */
public final class PluginExits {
  private static final int RUNNING = 0;
  private static final int BPSIM_EXITING = 1;
  private static final int PLUGIN_EXITING = 2;
  private static final int PREDICTOR_FAILED = 3;

  private static final AtomicInteger STATE = new AtomicInteger(RUNNING);
  private static final CompletableFuture<Integer> EXIT_CODE = new CompletableFuture<>();
  private static volatile Thread mainThread;

  private PluginExits() {
  }

  /** Installs the hook; call once, from the thread that will call {@link #exit}. */
  public static void install() {
    mainThread = Thread.currentThread();
    Thread hook = new Thread(PluginExits::onShutdown, "bpsim-plugin-exit-guard");
    Runtime.getRuntime().addShutdownHook(hook);
    // Shutdown hooks run at once and in any order: the temporaries' hook must know by itself
    // that this shutdown is a plugin's, which the run outlives.
    Temporaries.keepWhileRunGoesOn(PluginExits::pluginExitUnderway);
  }

  /** Whether the JVM's shutdown was started by a plugin's exit, not by bpsim or a signal. */
  static boolean pluginExitUnderway() {
    Thread exiting = exitingThread();
    return exiting != null && exiting != mainThread && STATE.get() != BPSIM_EXITING;
  }

  /** Ends bpsim with {@code code}, or hands it to the hook when a plugin's exit is under way. */
  public static void exit(int code) {
    if (STATE.compareAndSet(RUNNING, BPSIM_EXITING)) {
      System.exit(code);
    }
    EXIT_CODE.complete(code);
    while (true) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        // the hook ends the JVM; nothing to do until then
      }
    }
  }

  private static void onShutdown() {
    Thread exiting = exitingThread();
    if (exiting == null || STATE.get() == BPSIM_EXITING || !STATE.compareAndSet(RUNNING,
        PLUGIN_EXITING)) {
      return;
    }
    PrintStream err = System.err;
    boolean attributed = PredictorLane.exitCalledOn(exiting);
    if (!attributed) {
      err.println("bpsim: a plugin called System.exit on thread '" + exiting.getName()
          + "'; bpsim exits with code 3 instead");
      err.flush();
    }
    if (exiting == mainThread) {
      err.println("bpsim: nothing was written, as bpsim's main thread cannot go on");
      err.flush();
      Runtime.getRuntime().halt(PREDICTOR_FAILED);
    }
    int code;
    while (true) {
      try {
        code = EXIT_CODE.get(100, TimeUnit.MILLISECONDS);
        break;
      } catch (TimeoutException e) {
        // more lanes may be waiting in System.exit now, behind the first
        for (Thread thread : exitingThreads()) {
          PredictorLane.exitCalledOn(thread);
        }
      } catch (InterruptedException | ExecutionException e) {
        code = PREDICTOR_FAILED;
        break;
      }
    }
    err.flush();
    System.out.flush();
    Runtime.getRuntime().halt(code == 0 ? PREDICTOR_FAILED : code);
  }

  /** The thread whose exit started the shutdown, or null for a signal or a normal end. */
  private static Thread exitingThread() {
    for (Thread thread : exitingThreads()) {
      return thread;
    }
    return null;
  }

  /** Threads inside {@code System.exit} that no signal handler started. */
  private static java.util.List<Thread> exitingThreads() {
    java.util.List<Thread> found = new java.util.ArrayList<>();
    for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
      boolean inExit = false;
      boolean signal = false;
      for (StackTraceElement frame : entry.getValue()) {
        String type = frame.getClassName();
        if (type.equals("java.lang.Shutdown") && frame.getMethodName().equals("exit")) {
          inExit = true;
        } else if (type.startsWith("java.lang.Terminator")) {
          signal = true;
        }
      }
      if (inExit && !signal) {
        found.add(entry.getKey());
      }
    }
    return found;
  }
}
