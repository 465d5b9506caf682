/**
 * Finds the configured backend by name through the core SPI and loads model files with the backend
 * that wrote them; no backend is named in code. Start with {@link
 * org.movierec.app.backend.ModelLoader}.
 */
package org.movierec.app.backend;
