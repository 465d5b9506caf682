/**
 * Ranking shared by every recommender: the one top-N selection, and the popularity baseline that a
 * trained model's lists are measured against. Start with {@link org.movierec.core.rank.TopN} and
 * {@link org.movierec.core.rank.PopularityRecommender}.
 */
package org.movierec.core.rank;
