/** The one-file model container: sections, checksum, atomic writes and clear load errors. */
package org.movierec.core.file;
