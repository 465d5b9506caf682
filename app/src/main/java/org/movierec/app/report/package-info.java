/** Self-contained run reports: a Markdown page with metrics tables and PNG plots. */
package org.movierec.app.report;
