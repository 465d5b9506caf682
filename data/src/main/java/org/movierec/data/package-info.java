/**
 * The vocabulary every reader, writer and tool of the data module shares: MovieLens layouts, read
 * options, read reports and the exception that names the file and line of bad input.
 */
package org.movierec.data;
