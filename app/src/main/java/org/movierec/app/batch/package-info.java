/**
 * Batch jobs over a loaded model: every known user's list written to one file. Start with {@link
 * org.movierec.app.batch.AllUsersExport}.
 */
package org.movierec.app.batch;
