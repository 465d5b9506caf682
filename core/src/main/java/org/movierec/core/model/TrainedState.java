package org.movierec.core.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import org.movierec.core.bias.Biases;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileException;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.file.SectionReader;
import org.movierec.core.file.SectionWriter;

/**
 * What every trained model carries besides its backend's parameters: the id maps, the rating scale,
 * each user's rated movies, each movie's rating count and mean, the bias estimate for cold starts,
 * and how it was made. All of it describes the whole training input, including any ratings a
 * trainer held out for early stopping (see {@code org.movierec.core.training.HoldOut}).
 *
 * @param users the users trained on, by dense index
 * @param movies the movies trained on, by dense index
 * @param scale the rating scale
 * @param rated the movies each user rated in training
 * @param popularity each movie's training-rating count and mean
 * @param biases the bias estimate over the same indices
 * @param info provenance and metrics
 */
public record TrainedState(
    IdIndex users,
    IdIndex movies,
    RatingScale scale,
    RatedItems rated,
    MoviePopularity popularity,
    Biases biases,
    ModelInfo info) {

  /** The section of mean ratings; files written before it existed load without means. */
  private static final String POPULARITY = "popularity";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Checks that all parts agree on the number of users and movies. */
  public TrainedState {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(info, "info");
    if (rated.userCount() != users.size()
        || !popularity.movies().equals(movies)
        || biases.userCount() != users.size()
        || biases.movieCount() != movies.size()) {
      throw new IllegalArgumentException(
          "parts disagree: "
              + users.size()
              + " users, "
              + movies.size()
              + " movies, rated items for "
              + rated.userCount()
              + " users, biases for "
              + biases.userCount()
              + " users and "
              + biases.movieCount()
              + " movies");
    }
  }

  /**
   * The state of a model trained on {@code input}, the whole training input re-indexed to exactly
   * its own users and movies ({@link org.movierec.core.data.RatingDatasets#compact}).
   */
  public static TrainedState of(RatingDataset input, Biases biases, ModelInfo info) {
    RatedItems rated = RatedItems.of(input);
    return new TrainedState(
        input.users(),
        input.movies(),
        input.scale(),
        rated,
        MoviePopularity.of(input, rated),
        biases,
        info.withProvenance(Provenance.of(input, Instant.now())));
  }

  /**
   * The same state with other information, e.g. a later epoch's metrics; unless it brings its own,
   * it keeps the input's fingerprint, stamped with the time of the change.
   */
  public TrainedState withInfo(ModelInfo newInfo) {
    ModelInfo stamped =
        newInfo.provenance() == null && info.provenance() != null
            ? newInfo.withProvenance(info.provenance().at(Instant.now()))
            : newInfo;
    return new TrainedState(users, movies, scale, rated, popularity, biases, stamped);
  }

  /** Adds this state's sections to a model file. */
  public void writeTo(ModelFileWriter out) {
    try {
      out.text("info", JSON.writeValueAsString(info));
    } catch (IOException e) {
      throw new IllegalStateException("cannot describe the model as JSON", e);
    }
    out.section(
        "scale",
        new SectionWriter().putFloat(scale.min()).putFloat(scale.max()).putFloat(scale.step()));
    out.section("ids", new SectionWriter().putInts(users.rawIds()).putInts(movies.rawIds()));
    out.section("rated", new SectionWriter().putInts(rated.offsets()).putInts(rated.movies()));
    SectionWriter popularitySection = new SectionWriter();
    popularity.writeTo(popularitySection);
    out.section(POPULARITY, popularitySection);
    SectionWriter biasSection = new SectionWriter();
    biases.writeTo(biasSection);
    out.section("biases", biasSection);
  }

  /**
   * Reads the sections written by {@link #writeTo}.
   *
   * @throws ModelFileException when a section is missing or inconsistent
   */
  public static TrainedState readFrom(ModelFile file) {
    ModelInfo info;
    try {
      info = JSON.readValue(file.section("info"), ModelInfo.class);
    } catch (IOException e) {
      throw new ModelFileException(
          file.path(), ModelFileException.Problem.CORRUPT, "its info section is not valid JSON");
    }
    SectionReader scaleIn = file.reader("scale");
    RatingScale scale;
    try {
      scale = new RatingScale(scaleIn.getFloat(), scaleIn.getFloat(), scaleIn.getFloat());
    } catch (IllegalArgumentException e) {
      throw scaleIn.corrupt(e.getMessage());
    }
    scaleIn.expectEnd();
    SectionReader idsIn = file.reader("ids");
    IdIndex users;
    IdIndex movies;
    try {
      users = IdIndex.of(idsIn.getInts());
      movies = IdIndex.of(idsIn.getInts());
    } catch (IllegalArgumentException e) {
      throw idsIn.corrupt(e.getMessage());
    }
    idsIn.expectEnd();
    SectionReader ratedIn = file.reader("rated");
    RatedItems rated;
    try {
      rated = RatedItems.fromArrays(ratedIn.getInts(), ratedIn.getInts(), movies.size());
    } catch (IllegalArgumentException e) {
      throw ratedIn.corrupt(e.getMessage());
    }
    ratedIn.expectEnd();
    SectionReader popularityIn = file.has(POPULARITY) ? file.reader(POPULARITY) : null;
    MoviePopularity popularity = MoviePopularity.read(movies, rated, popularityIn);
    if (popularityIn != null) {
      popularityIn.expectEnd();
    }
    SectionReader biasIn = file.reader("biases");
    Biases biases = Biases.readFrom(biasIn);
    biasIn.expectEnd();
    try {
      return new TrainedState(users, movies, scale, rated, popularity, biases, info);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ModelFileException(file.path(), ModelFileException.Problem.CORRUPT, e.getMessage());
    }
  }
}
