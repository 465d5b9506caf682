/** Summary statistics of a dataset as read: counts, rating histogram, time range, skipped lines. */
package org.movierec.data.stats;
