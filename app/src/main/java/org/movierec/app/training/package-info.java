/** Trains the configured backend, saves and reloads the model, and measures it. */
package org.movierec.app.training;
