/**
 * The recommender network and training recipes described as data, with JSON in and out. Start with
 * {@link org.movierec.model.Presets} and {@link org.movierec.model.NetworkSpec}.
 */
package org.movierec.model;
