/** The server's metrics in Prometheus format: requests by endpoint, the model served, the JVM. */
package org.movierec.server.metrics;
