package org.movierec.backend.djl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.movierec.core.config.DeviceRequest;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.ModelFileDamageContractTest;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;

/** Damaged DJL model files fail with a clear ModelFileException, never an engine error. */
class DjlModelFileDamageTest extends ModelFileDamageContractTest {

  @Override
  protected BackendProvider provider() {
    return new DjlBackendProvider();
  }

  @Override
  protected Model trainSmallModel() {
    try {
      Path dir = Files.createTempDirectory("tiny-network");
      try {
        TrainingConfig config =
            TrainingConfig.builder()
                .set("network", TinyNetwork.write(dir).toString())
                .set("epochs", "2")
                .set("device", "cpu")
                .build();
        return new DjlTrainer().train(SyntheticRatings.generate(12, 10, 5, 3), config);
      } finally {
        Files.deleteIfExists(dir.resolve("tiny-network.json"));
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected RuntimeOptions runtimeOptions() {
    return new RuntimeOptions(DeviceRequest.parse("cpu"), 0, ColdStartPolicy.FALLBACK, 0);
  }
}
