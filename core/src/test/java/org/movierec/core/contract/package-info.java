/**
 * Contract tests that every backend runs by extending them with its provider and a quick training
 * configuration, and the synthetic ratings they train on.
 */
package org.movierec.core.contract;
