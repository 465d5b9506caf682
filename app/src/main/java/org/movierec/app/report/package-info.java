/**
 * Self-contained run reports: a Markdown page with metrics tables and PNG plots. Start with {@link
 * org.movierec.app.report.ReportWriter}.
 */
package org.movierec.app.report;
