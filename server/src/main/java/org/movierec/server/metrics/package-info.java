/**
 * The server's metrics in Prometheus format: requests by endpoint, the model served, the JVM. Start
 * with {@link org.movierec.server.metrics.ServerMetrics}.
 */
package org.movierec.server.metrics;
