package org.bpsim.job;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bpsim.output.AtomicFiles;
import org.bpsim.output.PendingFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.replay.RunResult;
import org.bpsim.replay.MispredictionList;
import org.bpsim.replay.MispredictionSink;
import org.bpsim.error.UserException;
import org.bpsim.trace.BranchBatch;

/**
 * The folder of {@code bpsim run --mispredictions DIR}: one gzip misprediction list per (trace,
 * predictor), named {@code <trace name>.<canonical spec>.txt.gz} with ':', ',' and '=' of the
 * spec (and any '/' of either) replaced by '_'. Two pairs that would share a file name (also when
 * names differ only in case) are refused before anything runs. Every file is written as a
 * temporary file beside its target while the traces replay, and all are renamed into place only
 * once every trace has replayed: a run that fails leaves the folder as it was. A predictor that
 * failed on a trace gets no file (an earlier file of that name is removed).
 */
public final class MispredictionFiles {
  /** The longest file name most file systems accept, in bytes. */
  private static final int LONGEST_NAME = 255;
  private final Map<Path, String[]> names = new HashMap<>();
  private final Path folder;
  private final List<PendingFile> pending = new ArrayList<>();
  private final List<Path> removed = new ArrayList<>();
  private boolean abandoned;

  private MispredictionFiles(Path folder) {
    this.folder = folder;
  }

  /** The file name of the list of {@code canonicalSpec} on the trace named {@code traceName}. */
  public static String fileName(String traceName, String canonicalSpec) {
    String spec = canonicalSpec.replace(':', '_').replace(',', '_').replace('=', '_');
    return safe(traceName) + "." + safe(spec) + ".txt.gz";
  }

  private static String safe(String name) {
    return name.replace('/', '_').replace('\\', '_');
  }

  /**
   * Checks the folder and the file names of every (trace, predictor) pair, and creates the folder
   * when missing. Traces are named as in reports, by the shortest tail of their paths that tells
   * them apart ({@link TraceNames}).
   */
  static MispredictionFiles prepare(Path folder, List<Path> traces, List<PredictorConfig> configs)
      throws IOException {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new UserException(folder + ": --mispredictions names a folder, and this is a file");
    }
    Map<Path, Path> seen = new HashMap<>();
    for (Path trace : traces) {
      Path key = trace.toAbsolutePath().normalize();
      if (seen.put(key, trace) != null) {
        throw new UserException("--mispredictions: " + trace + " is given twice, so its lists "
            + "would overwrite each other");
      }
    }
    List<String> traceNames = TraceNames.of(traces);
    MispredictionFiles files = new MispredictionFiles(folder);
    Map<String, String> owners = new HashMap<>();
    for (int t = 0; t < traces.size(); t++) {
      String[] perPredictor = new String[configs.size()];
      for (int p = 0; p < configs.size(); p++) {
        String spec = configs.get(p).canonicalSpec();
        String name = fileName(traceNames.get(t), spec);
        String owner = "trace " + traceNames.get(t) + " with " + spec;
        String earlier = owners.putIfAbsent(name.toLowerCase(Locale.ROOT), owner);
        if (earlier != null) {
          throw new UserException("--mispredictions: " + earlier + " and " + owner
              + " would both write " + name + " (give each predictor once, and traces that "
              + "differ in name)");
        }
        int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > LONGEST_NAME) {
          throw new UserException("--mispredictions: the list of " + owner + " would be named "
              + name + ", " + bytes + " bytes, longer than file systems allow (" + LONGEST_NAME
              + "); shorten the trace's file name");
        }
        perPredictor[p] = name;
      }
      files.names.put(traces.get(t), perPredictor);
    }
    Files.createDirectories(folder);
    return files;
  }

  /** Starts the lists of one trace: a sink for its replay. */
  TraceLists open(Path trace) throws IOException {
    return new TraceLists(names.get(trace));
  }

  /**
   * Renames every finished list into place, once all traces have replayed, and removes the
   * earlier files of predictors that failed.
   */
  synchronized void commit() throws IOException {
    if (abandoned) {
      throw new IllegalStateException("misprediction lists already abandoned");
    }
    for (Path target : removed) {
      Files.deleteIfExists(target);
    }
    for (PendingFile file : pending) {
      file.commit();
    }
    pending.clear();
  }

  /** Discards every list not yet committed; later ones are discarded as they finish. */
  synchronized void abandon() {
    abandoned = true;
    for (PendingFile file : pending) {
      file.discard();
    }
    pending.clear();
  }

  private synchronized void finished(PendingFile file) {
    if (abandoned) {
      file.discard();
    } else {
      pending.add(file);
    }
  }

  private synchronized void failed(PendingFile file) {
    file.discard();
    removed.add(file.destination());
  }

  /** The lists of one trace while it replays: one gzip stream per predictor. */
  final class TraceLists implements MispredictionSink, Closeable {
    private final PendingFile[] files;
    private final OutputStream[] streams;
    private final MispredictionList.Writer[] writers;
    private boolean finished;

    private TraceLists(String[] fileNames) throws IOException {
      files = new PendingFile[fileNames.length];
      streams = new OutputStream[fileNames.length];
      writers = new MispredictionList.Writer[fileNames.length];
      try {
        for (int p = 0; p < fileNames.length; p++) {
          files[p] = AtomicFiles.begin(folder.resolve(fileNames[p]));
          streams[p] = new GZIPOutputStream(files[p].open(), 1 << 16);
          writers[p] = new MispredictionList.Writer(streams[p]);
        }
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }

    @Override
    public void mispredicted(int predictor, BranchBatch batch, int[] entries, long[] indices,
        int count) throws IOException {
      writers[predictor].write(batch, entries, indices, count);
    }

    /**
     * Completes the lists after the replay: those of predictors that ran to the end wait for
     * {@link MispredictionFiles#commit()}, those of failed ones are dropped.
     */
    void finish(List<RunResult> results) throws IOException {
      for (int p = 0; p < streams.length; p++) {
        OutputStream stream = streams[p];
        streams[p] = null;
        stream.close();
      }
      for (int p = 0; p < files.length; p++) {
        if (results.get(p).failed()) {
          failed(files[p]);
        } else {
          finished(files[p]);
        }
      }
      finished = true;
    }

    /** Without {@link #finish}: the replay failed, so its lists are discarded. */
    @Override
    public void close() {
      if (finished) {
        return;
      }
      for (int p = 0; p < files.length; p++) {
        if (streams[p] != null) {
          try {
            streams[p].close();
          } catch (IOException e) {
            // discarded below in any case
          }
        }
        if (files[p] != null) {
          files[p].discard();
        }
      }
    }
  }
}
