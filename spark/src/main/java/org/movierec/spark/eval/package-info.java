/** Rating and ranking metrics of a shipped model computed by Spark with core's definitions. */
package org.movierec.spark.eval;
