package io.syncline.formats;

import java.util.ArrayList;
import java.util.List;

/** Receives the problems a reader finds while it goes on reading. */
@FunctionalInterface
public interface ProblemSink {

	void report(Problem problem);

	/** A sink that keeps what it gets, for callers that want the list at the end. */
	static Collecting collecting() {
		return new Collecting();
	}

	final class Collecting implements ProblemSink {
		private final List<Problem> problems = new ArrayList<>();

		@Override
		public synchronized void report(Problem problem) {
			problems.add(problem);
		}

		public synchronized List<Problem> problems() {
			return List.copyOf(problems);
		}

		public synchronized boolean hasErrors() {
			return problems.stream().anyMatch(Problem::isError);
		}
	}
}
