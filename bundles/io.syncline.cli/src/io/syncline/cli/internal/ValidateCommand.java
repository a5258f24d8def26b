package io.syncline.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.osgi.service.component.annotations.Component;

import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.mapping.MappingResources;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;

/**
 * {@code validate FILE}: reads a partner file with its reader (X12 against its transaction-set schema) or checks a
 * canonical XMI file against the model's constraints, and prints every problem with its location. Exits 1 on any
 * error.
 */
@Component(service = RuntimeCommand.class)
public final class ValidateCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "validate";
	}

	@Override
	public String summary() {
		return "validate FILE [--record-path P]: print located errors; exit 1 if there are any";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("record-path"), Set.of());
		Path file = Path.of(options.onePositional("file"));
		return file.getFileName().toString().endsWith(".xmi") ? validateCanonical(file, out)
				: validateSource(file, options.get("record-path"), out);
	}

	private static int validateSource(Path file, String recordPath, PrintStream out) throws Exception {
		ProblemSink.Collecting problems = ProblemSink.collecting();
		long records = 0;
		try (RecordReader reader = Formats.open(file, Sources.options(file, recordPath), problems)) {
			while (reader.next() != null) {
				records++;
			}
		} catch (FormatException e) {
			problems.report(e.problem());
		}
		problems.problems().forEach(p -> out.println(p.severity() + " " + p.describe()));
		long errors = problems.problems().stream().filter(Problem::isError).count();
		out.println(file.getFileName() + ": " + records + " valid records, " + errors + " errors");
		return errors == 0 ? OK : FAILED;
	}

	private static int validateCanonical(Path file, PrintStream out) {
		Resource resource = MappingResources.resourceSet().getResource(URI.createFileURI(file.toAbsolutePath().toString()),
				true);
		int errors = 0;
		for (EObject root : resource.getContents()) {
			Diagnostic result = Diagnostician.INSTANCE.validate(root);
			for (Diagnostic problem : result.getChildren()) {
				out.println((problem.getSeverity() == Diagnostic.ERROR ? "ERROR " : "WARNING ") + file.getFileName() + ": "
						+ problem.getMessage());
				errors += problem.getSeverity() == Diagnostic.ERROR ? 1 : 0;
			}
		}
		out.println(file.getFileName() + ": " + errors + " errors");
		return errors == 0 ? OK : FAILED;
	}
}
