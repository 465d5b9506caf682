-- One rating per user and movie, kept in primary-key order so that one user's ratings are one range.
CREATE TABLE store_meta (
  name TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE ratings (
  user_id INTEGER NOT NULL,
  movie_id INTEGER NOT NULL,
  rating REAL NOT NULL,
  rated_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, movie_id)
) WITHOUT ROWID;

CREATE TABLE movies (
  movie_id INTEGER NOT NULL PRIMARY KEY,
  title TEXT NOT NULL,
  year INTEGER,
  genres TEXT NOT NULL
);
