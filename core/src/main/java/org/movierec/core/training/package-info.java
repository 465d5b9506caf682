/** Training contracts: the trainer, its progress listener and what it reports. */
package org.movierec.core.training;
