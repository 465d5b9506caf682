/**
 * What the server knows besides the model, from the dataset given at start: movie titles and genres
 * with a title search, and each user's ratings. Start with {@link
 * org.movierec.server.catalog.MovieSearch} and {@link org.movierec.server.catalog.UserRatings}.
 */
package org.movierec.server.catalog;
