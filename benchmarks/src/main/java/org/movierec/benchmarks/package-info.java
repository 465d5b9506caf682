/**
 * JMH microbenchmarks of what users call most: scoring pairs, top-N lists and reading ratings
 * files, each through the public API so that they measure whatever implementation is built. Start
 * with {@link org.movierec.benchmarks.TopNBenchmark}; BENCHMARKS.md says how to run them.
 */
package org.movierec.benchmarks;
