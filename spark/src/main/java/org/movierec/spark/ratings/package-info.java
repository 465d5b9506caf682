/**
 * Reading ratings into Spark: MovieLens text layouts with the data module's rules, and Parquet.
 * Start with {@link org.movierec.spark.ratings.SparkRatings}.
 */
package org.movierec.spark.ratings;
