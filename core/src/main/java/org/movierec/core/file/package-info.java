/**
 * The one-file model container: sections, checksum, atomic writes and clear load errors. Start with
 * {@link org.movierec.core.file.ModelFile}.
 */
package org.movierec.core.file;
