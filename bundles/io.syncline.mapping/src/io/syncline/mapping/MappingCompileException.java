package io.syncline.mapping;

import java.util.List;

/** A mapping that cannot run; each problem names the rule (by its position and target) and what is wrong. */
public class MappingCompileException extends Exception {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	public MappingCompileException(String mappingName, List<String> problems) {
		super("mapping " + mappingName + " cannot be compiled:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}
}
