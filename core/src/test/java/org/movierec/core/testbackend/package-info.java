/**
 * A trivial backend, global mean plus user and movie biases, that exists so that core can run its
 * own contract tests; it is not registered as a service and never ships.
 */
package org.movierec.core.testbackend;
