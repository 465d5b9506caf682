/**
 * The {@code movierec} entry point; the features live in the sub-packages. Start with {@link
 * org.movierec.app.MovieRec}, then {@code org.movierec.app.cli}.
 */
package org.movierec.app;
