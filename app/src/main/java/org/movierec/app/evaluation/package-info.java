/** Measures trained models on held-out ratings and the bias baseline they are compared to. */
package org.movierec.app.evaluation;
