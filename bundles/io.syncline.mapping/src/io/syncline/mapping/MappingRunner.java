package io.syncline.mapping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.NodePath;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.mapping.internal.NodeSourceView;
import io.syncline.mapping.internal.OrderedMapping;

/**
 * Streams a source file through a compiled inbound mapping: the caller reads, a large source is mapped on every
 * core, and outcomes are handed on in source order on the caller's thread, so memory stays flat however large the
 * file. Format problems (a bad row, an invalid transaction set) arrive as
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

	/** Opens the source, reporting its problems to the given sink. */
	@FunctionalInterface
	private interface Opener {
		RecordReader open(ProblemSink problems) throws IOException;
	}

	/** As {@link #run(CompiledMapping, Path, Consumer)}, for a document held in memory (a submitted payload). */
	public static Summary run(CompiledMapping mapping, String sourceName, byte[] content, Consumer<MapOutcome> sink)
			throws IOException {
		SourceOptions options = withFormat(mapping, sourceName);
		Opener opener = problems -> Formats.open(new ByteArrayInputStream(content), sourceName, options, problems);
		// a small document is mapped before helpers could be woken to share it
		return run(mapping, sourceName, opener, content.length >= PARALLEL_FROM, sink);
	}

	/**
	 * As {@link #run(CompiledMapping, Path, Consumer)}, for a document of any size read from a stream (a large
	 * payload read back from the journal); the caller closes the stream.
	 */
	public static Summary run(CompiledMapping mapping, String sourceName, java.io.InputStream content,
			Consumer<MapOutcome> sink) throws IOException {
		SourceOptions options = withFormat(mapping, sourceName);
		java.io.InputStream unclosed = new java.io.FilterInputStream(content) {
			@Override
			public void close() {
				// the caller's stream: it closes it
			}
		};
		return run(mapping, sourceName, problems -> Formats.open(unclosed, sourceName, options, problems), true, sink);
	}

	/** Documents from this size on are mapped on every core. */
	private static final int PARALLEL_FROM = 256 * 1024;

	/** The mapping's source options, with the format told by the source's name when the mapping leaves it open. */
	static SourceOptions withFormat(CompiledMapping mapping, String sourceName) {
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

	private static Summary run(CompiledMapping mapping, String sourceName, Opener opener, boolean parallel,
			Consumer<MapOutcome> sink) throws IOException {
		if (!mapping.isInbound()) {
			throw new IllegalArgumentException(mapping + " is outbound: it maps canonical objects, not files");
		}
		long[] counts = new long[4];
		Consumer<MapOutcome> counting = outcome -> {
			counts[outcome.filtered() ? 3 : outcome.failed() ? 2 : 1]++;
			sink.accept(outcome);
		};
		// a large source is mapped on every core; its outcomes still reach the sink in order, on this thread
		OrderedMapping ordered = new OrderedMapping(element -> mapping.map(new NodeSourceView(element)), counting,
				MAPPERS, parallel ? HELPERS : 0);
		ProblemSink formatProblems = problem -> ordered
				.ready(new MapOutcome(problem.location(), null, List.of(problem), false));
		SourceOptions options = mapping.sourceOptions();
		// this thread reads and maps what the helpers leave; reading on a thread of its own measured slower, as
		// every record then crosses cores before it is mapped
		try (RecordReader reader = opener.open(formatProblems)) {
			NodePath within = withinRecords(options);
			Node record;
			while ((record = reader.next()) != null) {
				if (within == null) {
					counts[0]++;
					ordered.map(record);
					continue;
				}
				for (Node element : within.all(record)) {
					counts[0]++;
					ordered.map(element);
				}
			}
		} catch (FormatException e) {
			Problem fatal = e.problem();
			ordered.ready(new MapOutcome(fatal.location(), null, List.of(fatal), false));
		}
		ordered.finish();
		return new Summary(counts[0], counts[1], counts[2], counts[3]);
	}

	/**
	 * Mapping helpers besides the caller, which reads and maps too: one per other core. Threads die when idle, so an
	 * idle runtime holds none.
	 */
	private static final int HELPERS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

	private static final ExecutorService MAPPERS = mappers();

	private static ExecutorService mappers() {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(HELPERS, HELPERS, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), runnable -> {
					Thread thread = new Thread(runnable, "syncline-map");
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/**
	 * X12 records are transaction sets; a record path such as {@code LIN_LOOP} makes each occurrence inside one its
	 * own record (one supplier item per LIN loop of an 832), with the transaction as its context.
	 */
	static NodePath withinRecords(SourceOptions options) {
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
