package org.movierec.server.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.movierec.core.data.RatingDataset;

/** Each user's ratings in a dataset, best first: shown beside the user's list and kept off it. */
public final class UserRatings {

  /**
   * One rating of a user.
   *
   * @param rawMovieId the movie's raw id
   * @param rating the stars given
   */
  public record Rated(int rawMovieId, float rating) {}

  private static final UserRatings NONE = new UserRatings(null, new int[] {0}, new int[0]);

  private final RatingDataset dataset;
  private final int[] offsets;
  private final int[] rows;

  private UserRatings(RatingDataset dataset, int[] offsets, int[] rows) {
    this.dataset = dataset;
    this.offsets = offsets;
    this.rows = rows;
  }

  /** No ratings at all, for a server started without a dataset. */
  public static UserRatings none() {
    return NONE;
  }

  /** The ratings of every user in a dataset, grouped by user. */
  public static UserRatings of(RatingDataset dataset) {
    int users = dataset.users().size();
    int[] offsets = new int[users + 1];
    for (int row = 0; row < dataset.size(); row++) {
      offsets[dataset.userIndex(row) + 1]++;
    }
    for (int user = 0; user < users; user++) {
      offsets[user + 1] += offsets[user];
    }
    int[] fill = Arrays.copyOf(offsets, users);
    int[] rows = new int[dataset.size()];
    for (int row = 0; row < dataset.size(); row++) {
      rows[fill[dataset.userIndex(row)]++] = row;
    }
    return new UserRatings(dataset, offsets, rows);
  }

  /** Tells whether a dataset was given, so that an empty list means "rated nothing". */
  public boolean available() {
    return dataset != null;
  }

  /** Tells whether the dataset has ratings of this user. */
  public boolean hasUser(int rawUserId) {
    return dataset != null && dataset.users().contains(rawUserId);
  }

  /** The number of users with ratings. */
  public int userCount() {
    return offsets.length - 1;
  }

  /**
   * The raw ids of the movies a user rated, to keep them off the user's lists; empty if unknown.
   */
  public Set<Integer> movies(int rawUserId) {
    if (!hasUser(rawUserId)) {
      return Set.of();
    }
    int user = dataset.users().indexOf(rawUserId);
    Set<Integer> movies = new HashSet<>();
    for (int i = offsets[user]; i < offsets[user + 1]; i++) {
      movies.add(dataset.rawMovieId(rows[i]));
    }
    return Set.copyOf(movies);
  }

  /** The ratings of a user, highest first and then by movie id; empty for an unknown user. */
  public List<Rated> of(int rawUserId) {
    if (!hasUser(rawUserId)) {
      return List.of();
    }
    int user = dataset.users().indexOf(rawUserId);
    List<Rated> ratings = new ArrayList<>(offsets[user + 1] - offsets[user]);
    for (int i = offsets[user]; i < offsets[user + 1]; i++) {
      ratings.add(new Rated(dataset.rawMovieId(rows[i]), dataset.rating(rows[i])));
    }
    ratings.sort(
        java.util.Comparator.comparingDouble((Rated r) -> -r.rating())
            .thenComparingInt(Rated::rawMovieId));
    return List.copyOf(ratings);
  }
}
