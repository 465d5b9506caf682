/** The command line that spark-submit runs: recommend, evaluate and compare with ALS. */
package org.movierec.spark.job;
