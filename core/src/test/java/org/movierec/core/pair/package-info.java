/** Tests of the paired model: its contract, through a test backend, and its delegation. */
package org.movierec.core.pair;
