/** Jazzer fuzz tests of the configuration file loader. */
package org.movierec.app.fuzz;
