/**
 * The model being served and its hot swap: an immutable {@link
 * org.movierec.server.model.ServedModel} held by a {@link org.movierec.server.model.ModelSlot} that
 * replaces it atomically and closes the old one when its last request has finished.
 */
package org.movierec.server.model;
