/**
 * Shipping a model file to Spark executors and loading it once per executor JVM. Start with {@link
 * org.movierec.spark.model.ShippedModel}.
 */
package org.movierec.spark.model;
