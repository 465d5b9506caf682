package org.movierec.spark.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.movierec.core.config.DeviceRequest;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models loaded in this JVM, by fingerprint: an executor runs many tasks, often at once, and
 * each would otherwise parse the same file again. The backend comes from core's registry by the
 * name written in the file.
 */
final class ExecutorModels {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorModels.class);

  /** Each model scores on the thread of the task that asks; Spark runs one task per core. */
  private static final int THREADS_PER_TASK = 1;

  private static final Map<String, Model> LOADED = new ConcurrentHashMap<>();

  private ExecutorModels() {}

  /** The model of a shipment, loading it when this JVM has not yet. */
  static Model get(ShippedModel shipped) {
    return LOADED.computeIfAbsent(shipped.fingerprint(), key -> load(shipped));
  }

  /** Closes and forgets a model in this JVM, if it was loaded here. */
  static void release(String fingerprint) {
    Model model = LOADED.remove(fingerprint);
    if (model != null) {
      model.close();
    }
  }

  private static Model load(ShippedModel shipped) {
    long start = System.nanoTime();
    ModelFile file = ModelFile.parse(Path.of(shipped.origin()), shipped.bytes());
    // one thread per list too: Spark already runs a task on every core
    RuntimeOptions options =
        new RuntimeOptions(DeviceRequest.parse("cpu"), THREADS_PER_TASK, shipped.coldStart(), 1);
    Model model = BackendRegistry.discover().load(file, options);
    LOG.info(
        "loaded the {} model {} in {} ms",
        model.info().backend(),
        shipped.origin(),
        (System.nanoTime() - start) / 1_000_000);
    return model;
  }
}
