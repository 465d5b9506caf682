/** Spark MLlib's ALS on the same split, measured with the same definitions, for comparison. */
package org.movierec.spark.als;
