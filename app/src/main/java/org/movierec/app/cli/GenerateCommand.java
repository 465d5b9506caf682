package org.movierec.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.movierec.app.config.ConfigRequest;
import org.movierec.app.output.JsonPrinter;
import org.movierec.data.Layout;
import org.movierec.data.generate.DatasetGenerator;
import org.movierec.data.generate.GeneratedDataset;
import org.movierec.data.generate.GeneratorSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code movierec generate}: writes a synthetic MovieLens-format dataset. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic dataset in a MovieLens layout from a latent-factor model with Zipf-like"
          + " movie popularity, light and heavy users, generated titles and genres.",
      "The same seed gives the same files."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec generate --out gen-100k --users 943 --movies 1682 --ratings 100000",
      "  movierec generate --out gen-25m --users 162000 --movies 62000 --ratings 25000000 \\",
      "      --layout csv --seed 7"
    })
final class GenerateCommand extends BaseCommand {

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  @Option(names = "--users", required = true, paramLabel = "N", description = "number of users")
  int users;

  @Option(names = "--movies", required = true, paramLabel = "M", description = "number of movies")
  int movies;

  @Option(names = "--ratings", required = true, paramLabel = "R", description = "number of ratings")
  long ratings;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      defaultValue = "ml-100k",
      description = "ml-100k, ml-1m or csv (default ${DEFAULT-VALUE})")
  String layout;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed")
  long seed;

  @Option(names = "--json", description = "print only one JSON object")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Layout target;
    GeneratorSpec generatorSpec;
    try {
      target = Layout.parse(layout);
      generatorSpec =
          GeneratorSpec.builder()
              .setUsers(users)
              .setMovies(movies)
              .setRatings(ratings)
              .optSeed(seed)
              .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    GeneratedDataset result = DatasetGenerator.generate(generatorSpec, out, target);
    if (json) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("directory", result.directory().toString());
      object.put("layout", result.layout().id());
      object.put("users", result.users());
      object.put("movies", result.movies());
      object.put("ratings", result.ratings());
      object.put("files", result.files().stream().map(Path::toString).toList());
      injector(ConfigRequest.defaults()).getInstance(JsonPrinter.class).print(object);
    } else {
      var output = spec.commandLine().getOut();
      output.printf(
          Locale.ROOT,
          "wrote %,d ratings of %,d users on %,d movies in the %s layout to %s%n",
          result.ratings(),
          result.users(),
          result.movies(),
          result.layout().id(),
          result.directory());
      output.flush();
    }
    return 0;
  }
}
