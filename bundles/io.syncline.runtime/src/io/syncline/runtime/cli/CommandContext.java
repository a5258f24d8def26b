package io.syncline.runtime.cli;

import java.nio.file.Path;
import java.time.Duration;

/** What the launcher knows when it runs a command: where data lives, and whether it was asked to stop. */
public interface CommandContext {

	/** The runtime's data directory (option {@code --data}); it exists. */
	Path dataDirectory();

	/** The version of the runtime, as {@code major.minor.micro.qualifier}. */
	String version();

	/** Blocks until a stop is requested (SIGTERM, or the application is stopped); false on timeout. */
	boolean awaitStop(Duration timeout) throws InterruptedException;

	boolean isStopRequested();

	/** An option {@code serve} was given for its services ({@code port}, {@code bind}, {@code db} …), or null. */
	default String option(String name) {
		return null;
	}
}
