/**
 * Readers and writers for the MovieLens layouts: {@link org.movierec.data.movielens.DatasetReader}
 * is the entry point; ratings files go through a byte-level parser that splits a file at line
 * boundaries and parses the parts in parallel, movie files through small line readers and Commons
 * CSV.
 */
package org.movierec.data.movielens;
