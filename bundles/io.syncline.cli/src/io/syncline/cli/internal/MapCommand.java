package io.syncline.cli.internal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.osgi.service.component.annotations.Component;

import io.syncline.formats.CountingInputStream;
import io.syncline.formats.Node;
import io.syncline.formats.x12.FileControlNumbers;
import io.syncline.formats.x12.PartnerProfile;
import io.syncline.formats.x12.X12Schemas;
import io.syncline.formats.x12.X12Writer;
import io.syncline.mapping.CanonicalDocuments;
import io.syncline.mapping.CompiledMapping;
import io.syncline.mapping.MapOutcome;
import io.syncline.mapping.MappingCompiler;
import io.syncline.mapping.MappingEnvironment;
import io.syncline.mapping.MappingResources;
import io.syncline.mapping.MappingRunner;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.Fatal;
import io.syncline.runtime.cli.RuntimeCommand;

/**
 * {@code map --mapping M.synmap --input FILE [--output OUT] [--format json|jsonl]}. Inbound: the canonical records
 * and the located problems, written as each record is mapped (see {@link MappedRecordsWriter}), so memory does not
 * grow with the file. Outbound: canonical objects of an XMI file (chosen with {@code --select}) as X12 with the
 * envelope of {@code --profile}, each transaction written as it is mapped; control numbers are kept in the data
 * directory. With {@code --output}, the file appears only once it is complete.
 */
@Component(service = RuntimeCommand.class)
public final class MapCommand implements RuntimeCommand {

	@Override
	public String name() {
		return "map";
	}

	@Override
	public String summary() {
		return "map --mapping M.synmap --input FILE [--output OUT] [--format json|jsonl] "
				+ "[--select F --profile ZZ:ME>ZZ:YOU]: run a mapping";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("mapping", "input", "output", "select", "profile", "format"),
				Set.of());
		CompiledMapping mapping = MappingCompiler.compile(MappingResources.load(Path.of(options.require("mapping"))),
				MappingEnvironment.offline());
		Path input = Path.of(options.require("input"));
		if (!Files.isRegularFile(input)) {
			throw new IllegalArgumentException(input + ": no such file");
		}
		String format = options.has("format") ? options.get("format") : "json";
		if (!format.equals("json") && !format.equals("jsonl")) {
			throw new IllegalArgumentException("--format is json or jsonl, not '" + format + "'");
		}
		Path output = options.has("output") ? Path.of(options.get("output")) : null;
		Path partial = output == null ? null
				: output.resolveSibling("." + output.getFileName() + "." + ProcessHandle.current().pid() + ".part");
		boolean done = false;
		try (OutputStream target = new BufferedOutputStream(
				partial == null ? unclosed(out) : Files.newOutputStream(partial), 1 << 16)) {
			int exit = mapping.isInbound() ? inbound(mapping, input, format.equals("jsonl"), target, err)
					: outbound(mapping, input, options, context, target, err);
			target.flush();
			done = exit == OK || mapping.isInbound();
			if (partial == null && !(mapping.isInbound() && format.equals("jsonl"))) {
				out.println();
			}
			return exit;
		} finally {
			if (partial != null) {
				if (done) {
					Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				} else {
					Files.deleteIfExists(partial);
				}
			}
		}
	}

	private static int inbound(CompiledMapping mapping, Path input, boolean lines, OutputStream target,
			PrintStream err) throws IOException {
		ProgressLine progress = new ProgressLine(err, input.getFileName().toString());
		long size = Files.size(input);
		MappingRunner.Summary summary;
		try (MappedRecordsWriter writer = new MappedRecordsWriter(target, lines);
				CountingInputStream in = new CountingInputStream(Files.newInputStream(input))) {
			long[] seen = { 0 };
			try {
				summary = MappingRunner.run(mapping, input.getFileName().toString(), in, outcome -> {
					seen[0]++;
					writer.write(outcome);
					progress.update(seen[0], in.count(), size);
				});
			} catch (Error e) {
				throw Fatal.within("map of " + input + " at record " + seen[0], e);
			}
		} finally {
			progress.finish();
		}
		err.println(mapping + ": " + summary.mapped() + " mapped, " + summary.failed() + " failed, "
				+ summary.filtered() + " filtered of " + summary.records() + " records");
		return summary.failed() == 0 ? OK : FAILED;
	}

	/** Writes an interchange of the mapped objects, one transaction mapped at a time; FAILED on the first problem. */
	private static int outbound(CompiledMapping mapping, Path input, Options options, CommandContext context,
			OutputStream target, PrintStream err) throws IOException {
		// an XMI resource is read whole by EMF; the objects it holds are mapped and written one at a time
		List<?> sources = CanonicalDocuments.read(input, options.require("select"), null).objects();
		OutboundDocuments documents = new OutboundDocuments(mapping, sources, input.getFileName().toString());
		PartnerProfile profile = PartnerProfile.parse(partnerOf(options), options.require("profile"));
		try {
			new X12Writer(profile, new FileControlNumbers(context.dataDirectory().resolve("control-numbers")))
					.write(X12Schemas.functionalId(mapping.targetType()), documents, LocalDateTime.now(ZoneOffset.UTC),
							target);
		} catch (OutboundDocuments.Refused refused) {
			refused.problems.forEach(p -> err.println(p.severity() + " " + p.describe()));
			return FAILED;
		}
		return OK;
	}

	/** The mapped documents, made as the writer asks for each; a problem stops the interchange. */
	private static final class OutboundDocuments implements Iterable<Node> {
		private final CompiledMapping mapping;
		private final List<?> sources;
		private final String origin;

		OutboundDocuments(CompiledMapping mapping, List<?> sources, String origin) {
			this.mapping = mapping;
			this.sources = sources;
			this.origin = origin;
		}

		static final class Refused extends RuntimeException {
			private static final long serialVersionUID = 1L;
			final transient List<io.syncline.formats.Problem> problems;

			Refused(List<io.syncline.formats.Problem> problems) {
				super(problems.size() + " problem(s)");
				this.problems = problems;
			}
		}

		@Override
		public Iterator<Node> iterator() {
			Iterator<?> each = sources.iterator();
			return new Iterator<>() {
				@Override
				public boolean hasNext() {
					return each.hasNext();
				}

				@Override
				public Node next() {
					if (!each.hasNext()) {
						throw new NoSuchElementException();
					}
					MapOutcome outcome = MappingRunner.mapOutbound(mapping, (EObject) each.next(), origin);
					if (!outcome.problems().isEmpty() || !(outcome.output() instanceof Node)) {
						throw new Refused(outcome.problems());
					}
					return (Node) outcome.output();
				}
			};
		}
	}

	private static String partnerOf(Options options) {
		String[] receiver = options.require("profile").split(">");
		return receiver[receiver.length - 1].replaceAll(".*:", "").toLowerCase();
	}

	/** Standard output, which the launcher owns: flushed, never closed. */
	private static OutputStream unclosed(PrintStream stdout) {
		return new FilterOutputStream(stdout) {
			@Override
			public void write(byte[] bytes, int offset, int length) {
				stdout.write(bytes, offset, length);
			}

			@Override
			public void close() {
				stdout.flush();
			}
		};
	}
}
