package org.movierec.core.model;

/**
 * A movie like another one ("because you watched"), from {@link Model#similarMovies}.
 *
 * @param rawMovieId the movie's id in the ratings files
 * @param similarity the cosine similarity of the two movies' learned vectors, in [-1, 1]
 */
public record SimilarMovie(int rawMovieId, float similarity) {}
