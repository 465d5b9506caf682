/**
 * Training contracts: the trainer, its progress listener, stopping a run and taking checkpoints
 * ({@link org.movierec.core.training.TrainingControl}), and what a run reports. Start with {@link
 * org.movierec.core.training.Trainer} and {@link org.movierec.core.training.TrainingListener}.
 */
package org.movierec.core.training;
