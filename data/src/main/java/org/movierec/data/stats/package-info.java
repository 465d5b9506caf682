/**
 * Summary statistics of a dataset as read: counts, rating histogram, time range, skipped lines.
 * Start with {@link org.movierec.data.stats.DatasetStats}.
 */
package org.movierec.data.stats;
