/** The backend service-provider interface and the registry that finds backends by name. */
package org.movierec.core.spi;
