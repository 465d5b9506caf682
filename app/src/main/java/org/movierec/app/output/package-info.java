/** What commands print: the console streams, training and task progress, and JSON results. */
package org.movierec.app.output;
