/**
 * The one way every module's tests reach the real MovieLens data under {@code ../shared}: found at
 * one path, read by one reader, skipped with a message when absent or failed when the build
 * requires the data.
 */
package org.movierec.core.testdata;
