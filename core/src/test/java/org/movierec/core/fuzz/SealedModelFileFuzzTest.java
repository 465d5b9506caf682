package org.movierec.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileException;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.TrainedState;

/**
 * Wraps arbitrary section contents in a valid envelope (signature, version, checksum), so the
 * fuzzer reaches the section readers behind the checksum. Allowed outcomes: a loaded state or a
 * {@link ModelFileException} naming the file.
 */
class SealedModelFileFuzzTest {

  private static final String[] SECTIONS = {"info", "scale", "ids", "rated", "biases"};

  @FuzzTest(maxDuration = "10s")
  void readFrom_arbitrarySections_loadsOrFailsClearly(FuzzedDataProvider data) throws Exception {
    ModelFileWriter writer = ModelFile.writer(data.consumeString(8));
    for (String name : SECTIONS) {
      if (data.consumeBoolean()) {
        writer.section(name, data.consumeBytes(data.consumeInt(0, 256)));
      }
    }
    Path file = Files.createTempFile(SectionFuzzing.SCRATCH, "fuzz", ".mrec");
    try {
      Files.write(file, writer.toByteArray());
      TrainedState.readFrom(ModelFile.read(file));
    } catch (ModelFileException expected) {
      if (!expected.getMessage().contains(file.toString())) {
        throw new AssertionError("message does not name the file: " + expected.getMessage());
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
