/**
 * Fetches the official MovieLens archives from GroupLens into a cache directory, verifies their
 * size and published MD5 checksum, unpacks them atomically and states the license. Start with
 * {@link org.movierec.data.download.DatasetDownloader}.
 */
package org.movierec.data.download;
