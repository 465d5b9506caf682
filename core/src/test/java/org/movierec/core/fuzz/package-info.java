/**
 * Jazzer fuzz tests of the model-file container, and {@link org.movierec.core.fuzz.SectionFuzzing},
 * with which every backend fuzzes its own loader from core's test jar.
 */
package org.movierec.core.fuzz;
