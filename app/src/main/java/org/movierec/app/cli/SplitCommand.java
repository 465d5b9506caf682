package org.movierec.app.cli;

import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.movierec.app.config.ConfigRequest;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.data.Splitter;
import org.movierec.app.output.JsonPrinter;
import org.movierec.data.Layout;
import org.movierec.data.ReadResult;
import org.movierec.data.movielens.MoviesWriter;
import org.movierec.data.movielens.RatingsWriter;
import org.movierec.data.split.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code movierec split}: writes the training and test files of a split. */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    description = {
      "Split a dataset and write each split as uN.base (training) and uN.test (test) files, the"
          + " way ml-100k ships its folds, together with the movie list; report the test users"
          + " and movies that never appear in training.",
      "Split specs: random:FRACTION, user-last:N, user-last-fraction:FRACTION, user-random:N,"
          + " time:YYYY-MM-DD|EPOCH_SECONDS, time-fraction:FRACTION, kfold:K."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec split --data ml-1m --split user-last:10 --out ml-1m-split",
      "  movierec split --data ratings.csv --split kfold:5 --seed 7 --out folds",
      "  movierec cv --data folds --predefined   # cross-validate on the written folds"
    })
final class SplitCommand extends DataCommand {

  @Option(
      names = "--data",
      required = true,
      paramLabel = "PATH",
      description = "a dataset directory or ratings file, or 'sample'")
  Path data;

  @Option(names = "--split", required = true, paramLabel = "SPEC", description = "how to split")
  String split;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      description = "layout of the written files: ml-100k, ml-1m or csv (default: the input's)")
  String layout;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed")
  long seed;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Injector injector = injector(ConfigRequest.defaults());
    ReadResult input = readResult(injector.getInstance(DatasetSource.class), data);
    Layout target = input.report().layout();
    if (layout != null) {
      try {
        target = Layout.parse(layout);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--layout: " + e.getMessage());
      }
    }
    List<Split> splits = injector.getInstance(Splitter.class).splits(input.dataset(), split, seed);
    Files.createDirectories(out);
    List<Map<String, Object>> written = new ArrayList<>();
    for (int i = 0; i < splits.size(); i++) {
      Split part = splits.get(i);
      Path trainFile = out.resolve("u" + (i + 1) + ".base");
      Path testFile = out.resolve("u" + (i + 1) + ".test");
      RatingsWriter.write(part.train(), trainFile, target);
      RatingsWriter.write(part.test(), testFile, target);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("train_file", trainFile.toString());
      entry.put("test_file", testFile.toString());
      entry.put("train_ratings", part.train().size());
      entry.put("test_ratings", part.test().size());
      entry.put("cold_users", part.coldUsers().size());
      entry.put("cold_movies", part.coldMovies().size());
      entry.put("cold_ratings", part.coldRatings());
      written.add(entry);
    }
    if (!input.dataset().catalog().isEmpty()) {
      MoviesWriter.write(input.dataset().catalog().movies(), out, target);
    }
    if (json) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("split", split);
      object.put("seed", seed);
      object.put("layout", target.id());
      object.put("splits", written);
      injector.getInstance(JsonPrinter.class).print(object);
    } else {
      var output = spec.commandLine().getOut();
      for (Map<String, Object> entry : written) {
        output.printf(
            Locale.ROOT,
            "%s: %,d training ratings; %s: %,d test ratings, %,d of them cold-start (%d users,"
                + " %d movies never in training)%n",
            entry.get("train_file"),
            (Integer) entry.get("train_ratings"),
            entry.get("test_file"),
            (Integer) entry.get("test_ratings"),
            (Integer) entry.get("cold_ratings"),
            (Integer) entry.get("cold_users"),
            (Integer) entry.get("cold_movies"));
      }
      output.flush();
    }
    return 0;
  }
}
