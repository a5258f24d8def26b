package io.syncline.formats;

import java.io.Closeable;
import java.io.IOException;

/**
 * Streams the records of one source. A record that is wrong is reported to the reader's {@link ProblemSink} and
 * skipped, and reading goes on; a source broken beyond repair (truncated, garbled envelope) ends with a
 * {@link FormatException}.
 */
public interface RecordReader extends Closeable {

	/** The next record, or null at the end. */
	Node next() throws IOException, FormatException;
}
