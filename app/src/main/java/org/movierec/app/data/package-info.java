/**
 * Where commands get their ratings: files, the embedded sample, and train/test splits. Start with
 * {@link org.movierec.app.data.DatasetSource} and {@link org.movierec.app.data.Splitter}.
 */
package org.movierec.app.data;
