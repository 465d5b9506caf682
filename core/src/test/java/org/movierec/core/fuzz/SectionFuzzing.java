package org.movierec.core.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileException;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.Model;
import org.movierec.core.model.Recommendation;

/**
 * Fuzzes a backend's loader behind the checksum: one section of a valid model file is replaced by
 * the fuzzer's bytes and the file resealed, so every input reaches the section readers. Allowed
 * outcomes: a model whose predictions and recommendations for its own users are on its scale, or a
 * {@link ModelFileException} whose message starts with the file. Backends run it from core's test
 * jar.
 */
public final class SectionFuzzing {

  /**
   * Where fuzz inputs become files: a RAM-backed directory when the machine has one, since fuzzing
   * writes and deletes thousands of files a second and a disk makes that ten times slower.
   */
  public static final Path SCRATCH =
      Files.isDirectory(Path.of("/dev/shm")) && Files.isWritable(Path.of("/dev/shm"))
          ? Path.of("/dev/shm")
          : Path.of(System.getProperty("java.io.tmpdir"));

  private static final int PROBED_USERS = 4;

  private SectionFuzzing() {}

  /**
   * One fuzz input against a model file: its first byte picks one of {@code sections}, the rest
   * replaces that section, and the result must load or fail clearly ({@link #loadOrFailClearly(
   * ModelFile, String, byte[], Function)}). An empty input does nothing.
   */
  public static void loadOrFailClearly(
      ModelFile template, List<String> sections, byte[] input, Function<ModelFile, Model> loader)
      throws IOException {
    if (input.length == 0) {
      return;
    }
    String section = sections.get(Math.floorMod(input[0], sections.size()));
    loadOrFailClearly(template, section, Arrays.copyOfRange(input, 1, input.length), loader);
  }

  /**
   * A trained model's file as read back, the template a fuzz test rewrites; the model is closed.
   */
  public static ModelFile saved(Model model) {
    try (model) {
      Path file = Files.createTempFile(SCRATCH, "template", ".mrec");
      try {
        model.save(file);
        return ModelFile.read(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code template} with section {@code name} replaced by {@code content}, loads it with
   * {@code loader} and checks the outcome.
   */
  public static void loadOrFailClearly(
      ModelFile template, String name, byte[] content, Function<ModelFile, Model> loader)
      throws IOException {
    ModelFileWriter out = ModelFile.writer(template.backend());
    for (String section : template.sectionNames()) {
      out.section(section, section.equals(name) ? content : template.section(section));
    }
    Path file = Files.createTempFile(SCRATCH, "fuzz", ".mrec");
    try {
      // A plain write: the atomic one forces the disk every time, which would starve the fuzzer.
      Files.write(file, out.toByteArray());
      try (Model model = loader.apply(ModelFile.read(file))) {
        probe(model);
      } catch (ModelFileException e) {
        if (!e.getMessage().startsWith("model file " + file + " ")) {
          throw new AssertionError("the message does not start with the file", e);
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Predicts and recommends for a few of the model's users; every answer must be on its scale. */
  private static void probe(Model model) {
    int users = Math.min(PROBED_USERS, model.users().size());
    for (int i = 0; i < users; i++) {
      int user = model.users().rawId(i);
      for (int m = 0; m < Math.min(PROBED_USERS, model.movies().size()); m++) {
        check(model, model.predict(user, model.movies().rawId(m)));
      }
      for (Recommendation recommendation : model.recommend(user, 3)) {
        check(model, recommendation.predictedRating());
      }
    }
  }

  private static void check(Model model, float prediction) {
    if (!(prediction >= model.scale().min() && prediction <= model.scale().max())) {
      throw new AssertionError("prediction " + prediction + " is off the scale " + model.scale());
    }
  }
}
