/** Shipping a model file to Spark executors and loading it once per executor JVM. */
package org.movierec.spark.model;
