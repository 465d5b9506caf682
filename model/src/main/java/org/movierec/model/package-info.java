/** The recommender network and training recipes described as data, with JSON in and out. */
package org.movierec.model;
