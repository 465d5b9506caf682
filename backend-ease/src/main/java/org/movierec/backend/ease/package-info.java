/**
 * The EASE backend (Steck 2019): closed-form item-item weights over who rated what, solved by
 * EJML's block Cholesky; lists ranked by the user's rated movies times the weights, predicted
 * ratings by the bias estimate. Pure Java; refuses, before any work, a catalog whose dense solve
 * would not fit the heap.
 */
package org.movierec.backend.ease;
