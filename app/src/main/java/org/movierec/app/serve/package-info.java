/**
 * Running the HTTP server as a command: serving until a signal asks it to stop. Start with {@link
 * org.movierec.app.serve.StopOnSignal}; the command is {@code org.movierec.app.cli.ServeCommand}.
 */
package org.movierec.app.serve;
