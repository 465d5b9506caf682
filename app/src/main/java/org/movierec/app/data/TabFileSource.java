package org.movierec.app.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.eval.Fold;

/**
 * Reads tab-separated {@code user movie rating time} files, as ml-100k's {@code u.data}; a
 * directory stands for its {@code u.data}. Serves the commands until the data module's readers
 * replace it.
 */
final class TabFileSource implements DatasetSource {

  private final SyntheticSample sample = new SyntheticSample();

  @Override
  public RatingDataset read(Path path) throws IOException {
    Path file = Files.isDirectory(path) ? path.resolve("u.data") : path;
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, 1024);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.strip().split("\t");
        try {
          builder.add(
              Integer.parseInt(fields[0]),
              Integer.parseInt(fields[1]),
              Float.parseFloat(fields[2]),
              Long.parseLong(fields[3]));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              file
                  + ":"
                  + number
                  + ": expected 'user TAB movie TAB rating TAB time' but found '"
                  + line
                  + "'");
        }
      }
    }
    if (builder.size() == 0) {
      throw new IllegalArgumentException(file + " holds no ratings");
    }
    return builder.build();
  }

  @Override
  public List<Fold> predefinedFolds(Path directory) throws IOException {
    List<Fold> folds = new ArrayList<>();
    for (int number = 1; Files.isRegularFile(directory.resolve("u" + number + ".base")); number++) {
      folds.add(
          new Fold(
              number,
              read(directory.resolve("u" + number + ".base")),
              read(directory.resolve("u" + number + ".test"))));
    }
    if (folds.isEmpty()) {
      throw new NoSuchFileException(
          directory.resolve("u1.base").toString(),
          null,
          "no predefined folds (u1.base, u1.test, ...) in " + directory + "; use --folds K");
    }
    return List.copyOf(folds);
  }

  @Override
  public RatingDataset sample() {
    return sample.dataset();
  }

  @Override
  public String sampleDescription() {
    return SyntheticSample.DESCRIPTION;
  }
}
