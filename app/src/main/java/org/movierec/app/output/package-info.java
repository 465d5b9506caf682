/** What commands print: the console streams, training progress and JSON results. */
package org.movierec.app.output;
