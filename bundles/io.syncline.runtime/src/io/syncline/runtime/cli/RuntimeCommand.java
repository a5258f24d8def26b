package io.syncline.runtime.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of the {@code syncline-runtime} launcher, such as {@code serve}. Bundles contribute commands as OSGi
 * services of this type; the headless application dispatches on {@link #name()}.
 */
public interface RuntimeCommand {

	/** Exit code for success. */
	int OK = 0;
	/** Exit code for a failed run (bad input, failed validation). */
	int FAILED = 1;
	/** Exit code for a wrong command line. */
	int USAGE = 2;
	/** Exit code for an error the process could not go on from (out of memory …): see {@link Fatal}. */
	int FATAL = 3;

	String name();

	/** One line for the usage text. */
	String summary();

	/**
	 * Runs the command. Output meant for scripts goes to {@code out}, diagnostics to {@code err}. Blocks until done
	 * or until {@link CommandContext#awaitStop} returns.
	 */
	int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception;
}
