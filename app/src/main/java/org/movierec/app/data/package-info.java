/** Where commands get their ratings: files, the embedded sample, and train/test splits. */
package org.movierec.app.data;
