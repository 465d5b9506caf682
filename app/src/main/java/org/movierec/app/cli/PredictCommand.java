package org.movierec.app.cli;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.output.JsonPrinter;
import org.movierec.core.model.Model;
import org.movierec.core.pair.PairedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code movierec predict}: one predicted rating from a saved model. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Predict the rating one user would give one movie, by their raw ids.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec predict --model seed.mrec --user 196 --movie 242",
      "  movierec predict --model seed.mrec --user 9999 --movie 242 --set cold_start=error",
      "  movierec predict --model seed.mrec --user 196 --movie 242 --json",
      "  movierec predict --model rank.mrec --rating-model tuned.mrec --user 196 --movie 242"
    })
final class PredictCommand extends BaseCommand {

  @Mixin RuntimeConfigOptions configOptions;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model file")
  Path model;

  @Mixin RatingModelOption ratingModel;

  @Option(names = "--user", required = true, paramLabel = "RAW_ID", description = "the user id")
  int user;

  @Option(names = "--movie", required = true, paramLabel = "RAW_ID", description = "the movie id")
  int movie;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Injector injector = injector(configOptions.request());
    try (Model loaded = injector.getInstance(ModelLoader.class).load(model, ratingModel.file())) {
      float rating = loaded.predict(user, movie);
      boolean knownUser = loaded.knowsUser(user);
      boolean knownMovie = loaded.knowsMovie(movie);
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("user", user);
        result.put("movie", movie);
        result.put("predicted_rating", rating);
        result.put("known_user", knownUser);
        result.put("known_movie", knownMovie);
        result.put("backend", answering(loaded).info().backend());
        injector.getInstance(JsonPrinter.class).print(result);
      } else {
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%.2f%n", rating);
        if (!knownUser || !knownMovie) {
          out.printf(
              "(the model never saw this %s; this is the bias fallback)%n",
              !knownUser ? "user" : "movie");
        }
        out.flush();
      }
    }
    return 0;
  }

  /** The model whose prediction is printed: the rating model of a pair. */
  private static Model answering(Model loaded) {
    return loaded instanceof PairedModel pair ? pair.ratingModel() : loaded;
  }
}
