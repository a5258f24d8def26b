package io.syncline.mapping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.NodePath;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.ReadAhead;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.mapping.internal.NodeSourceView;

/**
 * Streams a source file through a compiled inbound mapping: records are read ahead on a second thread and mapped
 * and handed on in source order, so memory stays flat however large the file. Format problems (a bad row, an invalid transaction set) arrive as
 * failed outcomes too, so nothing is silently lost.
 */
public final class MappingRunner {

	/** Counts of one run. */
	public record Summary(long records, long mapped, long failed, long filtered) {
	}

	private MappingRunner() {
	}

	public static Summary run(CompiledMapping mapping, Path input, Consumer<MapOutcome> sink) throws IOException {
		SourceOptions options = withFormat(mapping, input.getFileName().toString());
		return run(mapping, input.getFileName().toString(), problems -> Formats.open(input, options, problems), true,
				sink);
	}

	/** As {@link #run(CompiledMapping, Path, Consumer)}, for a document held in memory (a submitted payload). */
	public static Summary run(CompiledMapping mapping, String sourceName, byte[] content, Consumer<MapOutcome> sink)
			throws IOException {
		SourceOptions options = withFormat(mapping, sourceName);
		ReadAhead.Opener opener = problems -> Formats.open(new ByteArrayInputStream(content), sourceName, options,
				problems);
		// a small document is read faster than a second thread could be started to read it
		return content.length < READ_AHEAD_FROM ? run(mapping, sourceName, opener, false, sink)
				: run(mapping, sourceName, opener, true, sink);
	}

	/** Documents from this size on are read ahead on a second thread. */
	private static final int READ_AHEAD_FROM = 256 * 1024;

	/** The mapping's source options, with the format told by the source's name when the mapping leaves it open. */
	private static SourceOptions withFormat(CompiledMapping mapping, String sourceName) {
		SourceOptions options = mapping.sourceOptions();
		if (options == null || options.format() != null) {
			return options;
		}
		SourceFormat format = SourceFormat.fromFileName(sourceName);
		if (format == null) {
			throw new IllegalArgumentException(sourceName
					+ ": cannot tell the format from the name, and mapping " + mapping + " does not say it");
		}
		return options.withFormat(format);
	}

	private static Summary run(CompiledMapping mapping, String sourceName, ReadAhead.Opener opener, boolean ahead,
			Consumer<MapOutcome> sink) throws IOException {
		if (!mapping.isInbound()) {
			throw new IllegalArgumentException(mapping + " is outbound: it maps canonical objects, not files");
		}
		long[] counts = new long[4];
		ProblemSink formatProblems = problem -> {
			counts[2]++;
			sink.accept(new MapOutcome(problem.location(), null, List.of(problem), false));
		};
		SourceOptions options = mapping.sourceOptions();
		try (RecordReader reader = ahead ? new ReadAhead(sourceName, opener, formatProblems)
				: opener.open(formatProblems)) {
			NodePath within = withinRecords(options);
			Node record;
			while ((record = reader.next()) != null) {
				for (Node element : within == null ? List.of(record) : within.all(record)) {
					counts[0]++;
					MapOutcome outcome = mapping.map(new NodeSourceView(element));
					counts[outcome.filtered() ? 3 : outcome.failed() ? 2 : 1]++;
					sink.accept(outcome);
				}
			}
		} catch (FormatException e) {
			Problem fatal = e.problem();
			counts[2]++;
			sink.accept(new MapOutcome(fatal.location(), null, List.of(fatal), false));
		}
		return new Summary(counts[0], counts[1], counts[2], counts[3]);
	}

	/**
	 * X12 records are transaction sets; a record path such as {@code LIN_LOOP} makes each occurrence inside one its
	 * own record (one supplier item per LIN loop of an 832), with the transaction as its context.
	 */
	private static NodePath withinRecords(SourceOptions options) {
		return options.format() == SourceFormat.X12 && options.recordPath() != null && !options.recordPath().isBlank()
				? NodePath.compile(options.recordPath()) : null;
	}

	/** Maps one canonical object through an outbound mapping, into a format tree. */
	public static MapOutcome mapOutbound(CompiledMapping mapping, org.eclipse.emf.ecore.EObject source, String origin) {
		if (mapping.isInbound()) {
			throw new IllegalArgumentException(mapping + " is inbound: it maps files, not canonical objects");
		}
		return mapping.map(new io.syncline.mapping.internal.EObjectSourceView(source, origin));
	}
}
