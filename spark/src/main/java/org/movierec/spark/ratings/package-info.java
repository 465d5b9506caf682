/** Reading ratings into Spark: MovieLens text layouts with the data module's rules, and Parquet. */
package org.movierec.spark.ratings;
