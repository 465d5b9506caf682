/**
 * Trains the configured backend, saves and reloads the model, and measures it. Start with {@link
 * org.movierec.app.training.TrainJob}.
 */
package org.movierec.app.training;
