/**
 * The trained-model contract and the parts every backend's model shares. Start with {@link
 * org.movierec.core.model.Model}; a backend usually extends {@link
 * org.movierec.core.model.ScoringModel}.
 */
package org.movierec.core.model;
