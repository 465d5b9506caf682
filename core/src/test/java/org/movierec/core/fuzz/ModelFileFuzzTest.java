package org.movierec.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileException;
import org.movierec.core.model.TrainedState;

/**
 * Feeds arbitrary bytes to the model-file loader. The only allowed outcomes are a loaded file or a
 * {@link ModelFileException}; anything else, a hang or an OutOfMemoryError fails the test.
 */
class ModelFileFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse_arbitraryBytes_loadsOrFailsClearly(byte[] bytes) throws Exception {
    Path file = java.nio.file.Files.createTempFile(SectionFuzzing.SCRATCH, "fuzz", ".mrec");
    try {
      java.nio.file.Files.write(file, bytes);
      ModelFile modelFile = ModelFile.read(file);
      TrainedState.readFrom(modelFile);
    } catch (ModelFileException expected) {
      if (!expected.getMessage().contains(file.toString())) {
        throw new AssertionError("message does not name the file: " + expected.getMessage());
      }
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }
}
