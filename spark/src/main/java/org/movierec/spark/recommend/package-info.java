/** The batch job that writes every user's top-N list from a shipped model. */
package org.movierec.spark.recommend;
