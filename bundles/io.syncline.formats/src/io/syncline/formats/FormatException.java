package io.syncline.formats;

/** Reading cannot go on: the source is broken beyond the current record. Carries the located problem. */
public class FormatException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient Problem problem;

	public FormatException(Problem problem) {
		super(problem.describe());
		this.problem = problem;
	}

	public FormatException(Problem problem, Throwable cause) {
		super(problem.describe(), cause);
		this.problem = problem;
	}

	public Problem problem() {
		return problem;
	}
}
