/** Typed, validated configuration keys and the errors they raise. */
package org.movierec.core.config;
