package io.syncline.engine;

/**
 * How a large document is applied: {@code records} per transaction, each committing the message's checkpoint, and
 * who hears of its progress after every chunk.
 */
public record ChunkSettings(int records, ProgressListener listener) {

	/**
	 * Records per chunk unless {@code -Dsyncline.chunkRecords} says otherwise; see the README for the measurements
	 * behind it.
	 */
	public static final int DEFAULT_RECORDS = 1_000;

	public ChunkSettings {
		if (records < 1) {
			throw new IllegalArgumentException("records per chunk must be at least 1, not " + records);
		}
		listener = listener == null ? ProgressListener.NONE : listener;
	}

	public static ChunkSettings standard(ProgressListener listener) {
		return new ChunkSettings(Integer.getInteger("syncline.chunkRecords", DEFAULT_RECORDS), listener);
	}
}
