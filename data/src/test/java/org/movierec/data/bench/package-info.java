/** Benchmarks run by hand (see BENCHMARKS.md), kept out of the unit tests. */
package org.movierec.data.bench;
