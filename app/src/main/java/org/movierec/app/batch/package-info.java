/** Batch jobs over a loaded model: every known user's list written to one file. */
package org.movierec.app.batch;
