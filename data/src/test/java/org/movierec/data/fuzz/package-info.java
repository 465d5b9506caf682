/**
 * Jazzer fuzz tests of the MovieLens readers: replayed from their saved inputs in every test run,
 * fuzzed for a short budget by the build's {@code fuzz} execution.
 */
package org.movierec.data.fuzz;
