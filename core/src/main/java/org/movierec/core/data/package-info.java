/** Ratings as primitive columns with their id maps, rating scale and movie metadata. */
package org.movierec.core.data;
