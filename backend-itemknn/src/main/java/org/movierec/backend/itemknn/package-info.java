/**
 * The item-kNN backend, pure Java: item-item cosine similarity over the binary who-rated-what
 * matrix, the K most similar movies kept per movie, lists ranked by the sum of a movie's
 * similarities to the user's rated movies and ratings predicted by Koren's kNN-baseline. It is the
 * neighbourhood reference every ranking table shows, and a model in its own right.
 */
package org.movierec.backend.itemknn;
