package io.syncline.mapping;

import java.util.List;

/** A mapping that cannot run; each problem names the rule (by its position and target) and what is wrong. */
public class MappingCompileException extends Exception {

	private static final long serialVersionUID = 1L;

	private final List<MappingProblem> located;

	public MappingCompileException(String mappingName, List<MappingProblem> problems) {
		super("mapping " + mappingName + " cannot be compiled:\n  "
				+ String.join("\n  ", problems.stream().map(MappingProblem::message).toList()));
		this.located = List.copyOf(problems);
	}

	public List<String> problems() {
		return located.stream().map(MappingProblem::message).toList();
	}

	/** The problems, each at its rule. */
	public List<MappingProblem> located() {
		return located;
	}
}
