/**
 * Spark MLlib's ALS on the same split, measured with the same definitions, for comparison. Start
 * with {@link org.movierec.spark.als.AlsComparison}.
 */
package org.movierec.spark.als;
