/**
 * Serving two trained models as one: {@link org.movierec.core.pair.PairedModel} orders lists with a
 * model trained to rank and answers predicted ratings with a model trained to predict stars.
 */
package org.movierec.core.pair;
