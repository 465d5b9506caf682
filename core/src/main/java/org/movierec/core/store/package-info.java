/**
 * The ratings store: where ratings live between training runs (appended by the server, read whole
 * as a consistent snapshot for training), and the service-provider interface its implementations
 * are found by.
 */
package org.movierec.core.store;
