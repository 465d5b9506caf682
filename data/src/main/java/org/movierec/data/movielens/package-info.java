/**
 * Readers and writers for the MovieLens layouts: {@link org.movierec.data.movielens.DatasetReader}
 * is the entry point; ratings files go through a byte-level parser that splits a file at line
 * boundaries and parses the parts in parallel, movie files through small line readers and Commons
 * CSV.
 *
 * <h2>Limits and edge cases</h2>
 *
 * <ul>
 *   <li>A ratings file whose counted lines need more heap than is left (16 bytes per rating,
 *       compared with {@link Runtime#maxMemory()} minus the heap in use) fails before its columns
 *       are allocated with a {@link org.movierec.data.DatasetTooLargeException} that says how much
 *       is needed and suggests an {@code -Xmx}, never with an OutOfMemoryError inside the parser.
 *   <li>A user or movie id that is a whole number beyond {@code Integer.MAX_VALUE} is a bad line
 *       ({@link org.movierec.data.LineProblem#ID_OUT_OF_RANGE}); a negative or non-numeric one is
 *       {@link org.movierec.data.LineProblem#BAD_ID}.
 *   <li>A rating that is NaN, infinite or overflows a float (e.g. {@code 1e99}) is a bad line
 *       ({@link org.movierec.data.LineProblem#NON_FINITE_RATING}).
 *   <li>A movie file that lists a movie id twice fails on the second listing, naming both lines;
 *       with {@code --on-bad-line skip} the first listing is kept and the second counted ({@link
 *       org.movierec.data.LineProblem#BAD_MOVIE_LINE}).
 *   <li>Ratings of movies the movie file does not list are kept: the ratings are the data, the
 *       movie file only describes them. Such movies have no title, and the reader logs a warning
 *       with their number and an example id.
 *   <li>Movie files are decoded as UTF-8 when they are valid UTF-8 and as ISO-8859-1 otherwise, so
 *       a stray Latin-1 byte never ends a read.
 * </ul>
 *
 * <p>Bad lines fail the read in the default mode and are skipped and counted with {@link
 * org.movierec.data.BadLinePolicy#SKIP}; every failure names the file, the line and the text.
 */
package org.movierec.data.movielens;
