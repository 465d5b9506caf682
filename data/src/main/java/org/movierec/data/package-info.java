/**
 * The vocabulary every reader, writer and tool of the data module shares: MovieLens layouts, read
 * options, read reports and the exception that names the file and line of bad input. Start with
 * {@link org.movierec.data.ReadOptions}; the readers are in {@code org.movierec.data.movielens}.
 */
package org.movierec.data;
