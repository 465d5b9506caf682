/** Load tests of a saved model: many threads calling predict and recommend at once. */
package org.movierec.app.bench;
