/**
 * Training contracts: the trainer, its progress listener, stopping a run and taking checkpoints
 * ({@link org.movierec.core.training.TrainingControl}), and what a run reports.
 */
package org.movierec.core.training;
