/**
 * The evaluation services of commands and the bias baseline every result is compared to. Start with
 * {@link org.movierec.app.evaluation.EvaluationModule}.
 */
package org.movierec.app.evaluation;
