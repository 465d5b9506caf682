/**
 * The command line that spark-submit runs: recommend, evaluate and compare with ALS. Start with
 * {@link org.movierec.spark.job.SparkJob}, the {@code spark-submit} entry point; docs/spark.md
 * shows it.
 */
package org.movierec.spark.job;
