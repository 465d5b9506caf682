package org.movierec.app.cli;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.evaluation.Evaluator;
import org.movierec.app.evaluation.TestScores;
import org.movierec.app.output.JsonPrinter;
import org.movierec.core.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code movierec evaluate}: a saved model's RMSE and MAE on test ratings. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Measure a saved model's RMSE and MAE on test ratings.",
      "Pairs with a user or movie the model never saw are counted apart; with cold_start=error"
          + " they are left out of the error."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec evaluate --model seed.mrec --data ml-100k/u1.test",
      "  movierec evaluate --model seed.mrec --data ml-100k/u1.test --json"
    })
final class EvaluateCommand extends BaseCommand {

  @Mixin RuntimeConfigOptions configOptions;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "a model file")
  Path model;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "PATH",
      description = "the test ratings: a dataset directory or file, or 'sample'")
  Path data;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Injector injector = injector(configOptions.request());
    var test = ratings(injector.getInstance(DatasetSource.class), data);
    try (Model loaded = injector.getInstance(ModelLoader.class).load(model)) {
      TestScores scores = injector.getInstance(Evaluator.class).evaluate(loaded, test);
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("backend", loaded.info().backend());
        result.put("model_file", model.toString());
        result.put("ratings", scores.ratings());
        result.put("scored", scores.scored());
        result.put("rmse", scores.rmse());
        result.put("mae", scores.mae());
        result.put("cold_start_pairs", scores.coldStartPairs());
        result.put("cold_start_rmse", scores.coldStartRmse());
        injector.getInstance(JsonPrinter.class).print(result);
      } else {
        var out = spec.commandLine().getOut();
        out.printf(
            Locale.ROOT,
            "RMSE %.4f  MAE %.4f  on %,d of %,d ratings (%,d cold-start pairs)%n",
            scores.rmse(),
            scores.mae(),
            scores.scored(),
            scores.ratings(),
            scores.coldStartPairs());
        out.flush();
      }
    }
    return 0;
  }
}
