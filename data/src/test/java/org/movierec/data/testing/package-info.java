/** Helpers shared by the data module's tests. */
package org.movierec.data.testing;
