/**
 * Rating and ranking metrics of a shipped model computed by Spark with core's definitions. Start
 * with {@link org.movierec.spark.eval.DistributedEvaluator}.
 */
package org.movierec.spark.eval;
