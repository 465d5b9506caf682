/** Running the HTTP server as a command: serving until a signal asks it to stop. */
package org.movierec.app.serve;
