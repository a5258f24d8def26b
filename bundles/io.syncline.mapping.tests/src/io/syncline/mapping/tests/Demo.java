package io.syncline.mapping.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

import io.syncline.formats.Problem;
import io.syncline.mapping.CompiledMapping;
import io.syncline.mapping.MapOutcome;
import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingCompiler;
import io.syncline.mapping.MappingEnvironment;
import io.syncline.mapping.MappingResources;
import io.syncline.mapping.MappingRunner;

/** The demo content of bundles/io.syncline.demo: samples, mappings, canonical documents. */
final class Demo {

	private Demo() {
	}

	static Path dir() {
		String dir = System.getProperty("syncline.demo");
		if (dir == null) {
			throw new IllegalStateException("system property syncline.demo is not set (see the parent pom)");
		}
		return Path.of(dir);
	}

	static Path sample(String name) {
		return dir().resolve("samples").resolve(name);
	}

	static CompiledMapping mapping(String name) throws IOException, MappingCompileException {
		return MappingCompiler.compile(MappingResources.load(dir().resolve("mappings").resolve(name + ".synmap")),
				MappingEnvironment.offline());
	}

	static void assertDecimal(String expected, java.math.BigDecimal actual) {
		org.junit.jupiter.api.Assertions.assertEquals(0, new java.math.BigDecimal(expected).compareTo(actual),
				() -> "expected " + expected + ", got " + actual);
	}

	/** Runs an inbound mapping over a file: the objects made, and every problem. */
	record Run(List<EObject> objects, List<Problem> problems, MappingRunner.Summary summary) {
	}

	static Run run(CompiledMapping mapping, Path input) throws IOException {
		List<EObject> objects = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		MappingRunner.Summary summary = MappingRunner.run(mapping, input, (MapOutcome outcome) -> {
			if (outcome.output() != null) {
				objects.add((EObject) outcome.output());
			}
			problems.addAll(outcome.problems());
		});
		return new Run(objects, problems, summary);
	}
}
