package io.syncline.engine;

/** Hears how far a large document has come, after each chunk it commits. */
@FunctionalInterface
public interface ProgressListener {

	ProgressListener NONE = (message, sourceName, records, bytesRead, totalBytes) -> {
	};

	/** {@code records} done (with their effects committed), {@code bytesRead} of {@code totalBytes} of the source. */
	void progress(long message, String sourceName, long records, long bytesRead, long totalBytes);
}
