/** The {@code movierec} entry point; the features live in the sub-packages. */
package org.movierec.app;
