package org.movierec.app.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.app.output.Console;
import org.movierec.app.output.TaskProgress;
import org.movierec.core.bias.Biases;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.TrainedState;
import org.movierec.core.training.TrainingSummary;

class AllUsersExportTest {

  /** 150 users (more than two tasks) rating every second to fifth of 60 movies. */
  private static TrainedState trainedState() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    for (int user = 1; user <= 150; user++) {
      for (int movie = 1; movie <= 60; movie += 2 + user % 4) {
        builder.add(1000 - user, movie, 1 + (user * movie) % 5, 0);
      }
    }
    ColumnarRatings data = builder.build();
    return TrainedState.of(
        data,
        Biases.fit(data, 5, 5, 5),
        new ModelInfo(
            "test", "java", "biases", Map.of(), new TrainingSummary(1, 1, 0, 0, List.of())));
  }

  /** Scores by the bias estimate plus a user-and-movie twist; fails for one user if asked to. */
  private static final class TwistedModel extends ScoringModel {
    private final int failingDenseUser;

    TwistedModel(int failingDenseUser) {
      super(trainedState(), ColdStartPolicy.FALLBACK);
      this.failingDenseUser = failingDenseUser;
    }

    @Override
    protected void scoreKnown(int[] users, int[] movies, int count, float[] out) {
      for (int i = 0; i < count; i++) {
        if (users[i] == failingDenseUser) {
          throw new IllegalStateException("scoring failed for dense user " + users[i]);
        }
        out[i] =
            state().biases().estimate(users[i], movies[i])
                + ((users[i] * 31 + movies[i] * 17) % 13) / 7f;
      }
    }

    @Override
    protected void writeBackendSections(ModelFileWriter out) {}

    @Override
    public void close() {}
  }

  private final StringWriter progressText = new StringWriter();
  private final TaskProgress progress =
      new TaskProgress(
          new Console(new PrintWriter(new StringWriter()), new PrintWriter(progressText), false));

  @Test
  void write_everyUser_listsEqualRecommendForThatUser(@TempDir Path dir) throws IOException {
    Model model = new TwistedModel(-1);
    RecommendRequest request = RecommendRequest.top(7);
    Path file = dir.resolve("lists.csv");

    AllUsersExport.Result result = new AllUsersExport(model, request, 2).write(file, progress);

    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("user,rank,movie,score,predicted_rating");
    Map<Integer, List<Recommendation>> written = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      List<Recommendation> list =
          written.computeIfAbsent(Integer.parseInt(fields[0]), user -> new ArrayList<>());
      assertThat(Integer.parseInt(fields[1])).isEqualTo(list.size() + 1);
      list.add(
          new Recommendation(
              Integer.parseInt(fields[2]),
              Float.parseFloat(fields[3]),
              Float.parseFloat(fields[4])));
    }
    int[] users = model.users().rawIds();
    java.util.Arrays.sort(users);
    assertThat(written.keySet())
        .containsExactly(java.util.Arrays.stream(users).boxed().toArray(Integer[]::new));
    for (int user : users) {
      assertThat(written.get(user)).as("user %d", user).isEqualTo(model.recommend(user, request));
    }
    assertThat(result.users()).isEqualTo(150);
    assertThat(result.rows()).isEqualTo(150 * 7L).isEqualTo(lines.size() - 1);
  }

  @Test
  void write_oneThreadOrThree_sameFile(@TempDir Path dir) throws IOException {
    Model model = new TwistedModel(-1);
    RecommendRequest request = RecommendRequest.builder().setCount(5).optMinRatings(3).build();

    new AllUsersExport(model, request, 1).write(dir.resolve("one.csv"), progress);
    new AllUsersExport(model, request, 3).write(dir.resolve("three.csv"), progress);

    assertThat(Files.readString(dir.resolve("three.csv")))
        .isEqualTo(Files.readString(dir.resolve("one.csv")));
  }

  @Test
  void write_scoringFailsForOneUser_keepsThePreviousFileAndLeavesNoTempFile(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("lists.csv");
    Files.writeString(file, "previous");

    assertThatThrownBy(
            () ->
                new AllUsersExport(new TwistedModel(120), RecommendRequest.top(3), 2)
                    .write(file, progress))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dense user 120");

    assertThat(Files.readString(file)).isEqualTo("previous");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void write_notATerminal_printsPlainProgressLinesUpToAll(@TempDir Path dir) throws IOException {
    new AllUsersExport(new TwistedModel(-1), RecommendRequest.top(2), 2)
        .write(dir.resolve("lists.csv"), progress);

    String text = progressText.toString();
    assertThat(text).startsWith("recommending: 150 users").contains("100% 150/150 users");
    assertThat(text).doesNotContain("\r");
    assertThat(text.lines().filter(line -> line.contains("%")).count()).isBetween(2L, 10L);
    assertThat(text).contains("wrote 300 recommendations for 150 users");
  }
}
