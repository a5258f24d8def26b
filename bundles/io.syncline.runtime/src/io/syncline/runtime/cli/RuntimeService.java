package io.syncline.runtime.cli;

/**
 * Something that runs while the runtime serves (an inbox poller, a retry scheduler): a DS service that
 * {@code serve} starts once the runtime is up and stops, in reverse order, before it reports a clean stop.
 */
public interface RuntimeService {

	/** A short name for the log. */
	String name();

	/** Starts the service's work; returns once it runs in the background. */
	void start(CommandContext context) throws Exception;

	/**
	 * When it starts among the others, lowest first; they stop in reverse. What takes requests from outside (the
	 * HTTP API) starts last and stops first, so it never serves a runtime half started or half stopped.
	 */
	default int startOrder() {
		return 0;
	}

	/** Stops its work and releases what it holds; called once, from the serving thread. */
	void stop();
}
