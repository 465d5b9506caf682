/**
 * The backend service-provider interface and the registry that finds backends by name. Start with
 * {@link org.movierec.core.spi.BackendRegistry}, which finds and loads backends, and {@link
 * org.movierec.core.spi.BackendProvider}, which a new backend implements.
 */
package org.movierec.core.spi;
