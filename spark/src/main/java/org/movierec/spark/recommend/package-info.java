/**
 * The batch job that writes every user's top-N list from a shipped model. Start with {@link
 * org.movierec.spark.recommend.BatchRecommender}.
 */
package org.movierec.spark.recommend;
