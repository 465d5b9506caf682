/**
 * What commands print: the console streams, training and task progress, and JSON results. Start
 * with {@link org.movierec.app.output.Console} and {@link
 * org.movierec.app.output.ProgressListener}.
 */
package org.movierec.app.output;
