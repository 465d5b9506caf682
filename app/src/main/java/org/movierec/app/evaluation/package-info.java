/** The evaluation services of commands and the bias baseline every result is compared to. */
package org.movierec.app.evaluation;
