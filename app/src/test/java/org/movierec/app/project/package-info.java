/**
 * Tests that hold the repository's own files to the code: the bom to the reactor's modules, the
 * configuration reference to the keys, README's length.
 */
package org.movierec.app.project;
