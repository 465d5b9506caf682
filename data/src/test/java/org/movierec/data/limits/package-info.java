/** Tests of the data module's limits: heap size, ids, non-finite ratings, movie-file mismatches. */
package org.movierec.data.limits;
