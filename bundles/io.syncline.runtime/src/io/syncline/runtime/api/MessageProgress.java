package io.syncline.runtime.api;

/**
 * How far a large message has come: the records done with their effects committed, and the bytes of its source
 * read of all it has ({@code totalBytes}).
 */
public record MessageProgress(long records, long bytesRead, long totalBytes) {

	/** Percent of the source read, 0 to 100. */
	public int percent() {
		return totalBytes <= 0 ? 100 : (int) Math.min(100, bytesRead * 100 / totalBytes);
	}
}
