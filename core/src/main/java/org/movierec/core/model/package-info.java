/** The trained-model contract and the parts every backend's model shares. */
package org.movierec.core.model;
