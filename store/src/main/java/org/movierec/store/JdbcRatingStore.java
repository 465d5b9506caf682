package org.movierec.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.StoreException;
import org.movierec.core.store.StoreSnapshot;
import org.movierec.core.store.StoredRating;

/**
 * A {@link RatingStore} over JDBC in SQL that SQLite and PostgreSQL both speak; the two differ only
 * in their {@link Connections} and how a failure is explained.
 */
final class JdbcRatingStore implements RatingStore {

  private static final String UPSERT_RATING =
      "INSERT INTO ratings (user_id, movie_id, rating, rated_at) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (user_id, movie_id) DO UPDATE"
          + " SET rating = excluded.rating, rated_at = excluded.rated_at";
  private static final String UPSERT_MOVIE =
      "INSERT INTO movies (movie_id, title, year, genres) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (movie_id) DO UPDATE"
          + " SET title = excluded.title, year = excluded.year, genres = excluded.genres";
  private static final String GENRE_SEPARATOR = "|";
  private static final int SNAPSHOT_FETCH = 10_000;

  private final String location;
  private final Connections connections;
  private final Failures failures;
  private volatile RatingScale scale;

  JdbcRatingStore(String location, Connections connections, Failures failures) {
    this.location = location;
    this.connections = connections;
    this.failures = failures;
    this.scale = call("read its rating scale", () -> connections.read(JdbcRatingStore::readScale));
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public Optional<RatingScale> scale() {
    return Optional.ofNullable(scale);
  }

  @Override
  public void requireScale(RatingScale wanted) {
    Objects.requireNonNull(wanted, "scale");
    RatingScale held =
        call(
            "set its rating scale",
            () ->
                connections.write(
                    connection -> {
                      RatingScale existing = readScale(connection);
                      if (existing == null) {
                        writeScale(connection, wanted);
                        return wanted;
                      }
                      return existing;
                    }));
    if (!held.equals(wanted)) {
      throw new StoreException(
          location,
          "holds ratings on the scale "
              + held
              + ", not "
              + wanted
              + "; use a store made for this dataset or model, or a new file");
    }
    scale = held;
  }

  @Override
  public int append(List<StoredRating> ratings) {
    RatingScale onScale = scale;
    if (onScale == null) {
      throw new IllegalArgumentException(
          "the store has no rating scale yet; call requireScale before the first write");
    }
    for (StoredRating rating : ratings) {
      if (!onScale.allows(rating.rating())) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "rating %s of user %d for movie %d is not on the store's scale %s",
                rating.rating(),
                rating.rawUserId(),
                rating.rawMovieId(),
                onScale));
      }
    }
    if (ratings.isEmpty()) {
      return 0;
    }
    return call(
        "write " + ratings.size() + " ratings",
        () ->
            connections.write(
                connection -> {
                  try (PreparedStatement insert = connection.prepareStatement(UPSERT_RATING)) {
                    for (StoredRating rating : ratings) {
                      insert.setInt(1, rating.rawUserId());
                      insert.setInt(2, rating.rawMovieId());
                      insert.setFloat(3, rating.rating());
                      insert.setLong(4, rating.epochSeconds());
                      insert.addBatch();
                    }
                    insert.executeBatch();
                  }
                  try (PreparedStatement remembered =
                      connection.prepareStatement(
                          "DELETE FROM forgotten_users WHERE user_id = ?")) {
                    for (int user : users(ratings)) {
                      remembered.setInt(1, user);
                      remembered.addBatch();
                    }
                    remembered.executeBatch();
                  }
                  return ratings.size();
                }));
  }

  @Override
  public boolean deleteRating(int rawUserId, int rawMovieId) {
    return call(
        "delete user " + rawUserId + "'s rating of movie " + rawMovieId,
        () ->
            connections.write(
                connection -> {
                  try (PreparedStatement delete =
                      connection.prepareStatement(
                          "DELETE FROM ratings WHERE user_id = ? AND movie_id = ?")) {
                    delete.setInt(1, rawUserId);
                    delete.setInt(2, rawMovieId);
                    return delete.executeUpdate() > 0;
                  }
                }));
  }

  @Override
  public int deleteUser(int rawUserId) {
    return call(
        "delete user " + rawUserId,
        () ->
            connections.write(
                connection -> {
                  int deleted;
                  try (PreparedStatement delete =
                      connection.prepareStatement("DELETE FROM ratings WHERE user_id = ?")) {
                    delete.setInt(1, rawUserId);
                    deleted = delete.executeUpdate();
                  }
                  try (PreparedStatement forget =
                      connection.prepareStatement(
                          "INSERT INTO forgotten_users (user_id, forgotten_at) VALUES (?, ?)"
                              + " ON CONFLICT (user_id) DO UPDATE"
                              + " SET forgotten_at = excluded.forgotten_at")) {
                    forget.setInt(1, rawUserId);
                    forget.setLong(2, Instant.now().getEpochSecond());
                    forget.executeUpdate();
                  }
                  return deleted;
                }));
  }

  @Override
  public boolean isForgotten(int rawUserId) {
    return call(
        "read whether user " + rawUserId + " was forgotten",
        () ->
            connections.read(
                connection -> {
                  try (PreparedStatement select =
                      connection.prepareStatement(
                          "SELECT 1 FROM forgotten_users WHERE user_id = ?")) {
                    select.setInt(1, rawUserId);
                    try (ResultSet rows = select.executeQuery()) {
                      return rows.next();
                    }
                  }
                }));
  }

  private static int[] users(List<StoredRating> ratings) {
    return ratings.stream().mapToInt(StoredRating::rawUserId).distinct().toArray();
  }

  @Override
  public List<StoredRating> userRatings(int rawUserId) {
    return call(
        "read user " + rawUserId + "'s ratings",
        () ->
            connections.read(
                connection -> {
                  List<StoredRating> found = new ArrayList<>();
                  try (PreparedStatement select =
                      connection.prepareStatement(
                          "SELECT movie_id, rating, rated_at FROM ratings WHERE user_id = ?"
                              + " ORDER BY movie_id")) {
                    select.setInt(1, rawUserId);
                    try (ResultSet rows = select.executeQuery()) {
                      while (rows.next()) {
                        found.add(
                            new StoredRating(
                                rawUserId, rows.getInt(1), rows.getFloat(2), rows.getLong(3)));
                      }
                    }
                  }
                  return List.copyOf(found);
                }));
  }

  @Override
  public long size() {
    return call(
        "count its ratings",
        () ->
            connections.read(
                connection -> {
                  try (PreparedStatement count =
                          connection.prepareStatement("SELECT COUNT(*) FROM ratings");
                      ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                  }
                }));
  }

  @Override
  public void putMovies(Collection<MovieInfo> movies) {
    if (movies.isEmpty()) {
      return;
    }
    call(
        "write " + movies.size() + " movies",
        () ->
            connections.write(
                connection -> {
                  try (PreparedStatement insert = connection.prepareStatement(UPSERT_MOVIE)) {
                    for (MovieInfo movie : movies) {
                      insert.setInt(1, movie.rawId());
                      insert.setString(2, movie.title());
                      if (movie.year().isPresent()) {
                        insert.setInt(3, movie.year().getAsInt());
                      } else {
                        insert.setNull(3, Types.INTEGER);
                      }
                      insert.setString(4, String.join(GENRE_SEPARATOR, movie.genres()));
                      insert.addBatch();
                    }
                    insert.executeBatch();
                  }
                  return null;
                }));
  }

  @Override
  public MovieCatalog catalog() {
    return call("read its movies", () -> connections.read(JdbcRatingStore::readCatalog));
  }

  @Override
  public StoreSnapshot snapshot() {
    return call(
        "read a snapshot of its ratings",
        () ->
            connections.read(
                connection -> {
                  Instant takenAt = Instant.now();
                  RatingScale onScale = readScale(connection);
                  if (onScale == null) {
                    throw new StoreException(
                        location,
                        "holds no ratings yet; import some first (movierec import --data DIR"
                            + " --store ...)");
                  }
                  MovieCatalog catalog = readCatalog(connection);
                  RatingsBuilder builder = new RatingsBuilder(onScale).catalog(catalog);
                  try (PreparedStatement select =
                      connection.prepareStatement(
                          "SELECT user_id, movie_id, rating, rated_at FROM ratings"
                              + " ORDER BY user_id, movie_id")) {
                    select.setFetchSize(SNAPSHOT_FETCH);
                    try (ResultSet rows = select.executeQuery()) {
                      while (rows.next()) {
                        builder.add(
                            rows.getInt(1), rows.getInt(2), rows.getFloat(3), rows.getLong(4));
                      }
                    }
                  }
                  return new StoreSnapshot(builder.build(), takenAt, location);
                }));
  }

  @Override
  public void close() {
    connections.close();
  }

  @Override
  public String toString() {
    return "RatingStore[" + location + "]";
  }

  private static RatingScale readScale(Connection connection) throws SQLException {
    String min = meta(connection, "scale_min");
    String max = meta(connection, "scale_max");
    String step = meta(connection, "scale_step");
    if (min == null || max == null || step == null) {
      return null;
    }
    return new RatingScale(Float.parseFloat(min), Float.parseFloat(max), Float.parseFloat(step));
  }

  private static void writeScale(Connection connection, RatingScale scale) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO store_meta (name, value) VALUES (?, ?)")) {
      for (String[] entry :
          List.of(
              new String[] {"scale_min", Float.toString(scale.min())},
              new String[] {"scale_max", Float.toString(scale.max())},
              new String[] {"scale_step", Float.toString(scale.step())})) {
        insert.setString(1, entry[0]);
        insert.setString(2, entry[1]);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static String meta(Connection connection, String name) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT value FROM store_meta WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static MovieCatalog readCatalog(Connection connection) throws SQLException {
    List<MovieInfo> movies = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT movie_id, title, year, genres FROM movies ORDER BY movie_id");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        int year = rows.getInt(3);
        OptionalInt knownYear = rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(year);
        String genres = rows.getString(4);
        movies.add(
            new MovieInfo(
                rows.getInt(1),
                rows.getString(2),
                knownYear,
                genres.isEmpty()
                    ? List.of()
                    : Arrays.asList(genres.split(java.util.regex.Pattern.quote(GENRE_SEPARATOR)))));
      }
    }
    return MovieCatalog.of(movies);
  }

  /** One store operation, its SQL failures explained with the location and what to do. */
  @FunctionalInterface
  private interface Operation<T> {
    T run() throws SQLException;
  }

  private <T> T call(String what, Operation<T> operation) {
    try {
      return operation.run();
    } catch (SQLException e) {
      throw new StoreException(location, "cannot " + what + ": " + failures.explain(e), e);
    }
  }
}
