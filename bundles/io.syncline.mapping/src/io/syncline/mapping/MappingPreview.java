package io.syncline.mapping;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.NodePath;
import io.syncline.formats.Problem;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceLocation;
import io.syncline.formats.SourceOptions;
import io.syncline.mapping.internal.NodeSourceView;

/**
 * Runs a mapping over a sample file offline, for the editor's preview: records stream out as they are mapped, so
 * the first show at once, and counts follow over the whole file. Only the first records are kept whole (their
 * output and how each value was made); the rest are counted, so memory does not grow with the sample. Stops
 * between two records when cancelled.
 */
public final class MappingPreview {

	/** One record of the preview: its position, where it is, what it became or its problems, and its traces. */
	public record PreviewRecord(long index, SourceLocation location, Object output, List<Problem> problems,
			boolean filtered, List<FieldTrace> traces) {

		public boolean failed() {
			return !problems.isEmpty();
		}
	}

	/** What the preview is told, on the thread that runs it. */
	public interface Listener {

		/** A record kept whole (one of the first {@code keep}, or a failure among the first {@code keep}). */
		void record(PreviewRecord record);

		/** Counts so far; told every so often and once at the end. */
		void counts(MappingRunner.Summary counts, boolean complete);
	}

	/** Counts are told at most this often (records), besides at the end. */
	private static final int COUNT_EVERY = 500;

	private MappingPreview() {
	}

	/**
	 * Maps every record of {@code sample}; returns the final counts, or null if cancelled before the end.
	 *
	 * @param keep how many records (and, separately, failures) to keep whole and tell the listener
	 */
	public static MappingRunner.Summary run(CompiledMapping mapping, Path sample, int keep, BooleanSupplier cancelled,
			Listener listener) throws IOException {
		if (!mapping.isInbound()) {
			throw new IllegalArgumentException(mapping + " is outbound: its preview needs a canonical object");
		}
		SourceOptions options = MappingRunner.withFormat(mapping, sample.getFileName().toString());
		long[] counts = new long[4];
		int[] kept = new int[2];
		ProblemSink formatProblems = problem -> {
			counts[0]++;
			counts[2]++;
			if (kept[1]++ < keep) {
				listener.record(new PreviewRecord(counts[0], problem.location(), null, List.of(problem), false,
						List.of()));
			}
		};
		try (RecordReader reader = Formats.open(sample, options, formatProblems)) {
			NodePath within = MappingRunner.withinRecords(options);
			Node record;
			while ((record = reader.next()) != null) {
				for (Node element : within == null ? List.of(record) : within.all(record)) {
					if (cancelled.getAsBoolean()) {
						return null;
					}
					counts[0]++;
					boolean keepWhole = kept[0] < keep;
					List<FieldTrace> traces = keepWhole ? new ArrayList<>() : null;
					MapOutcome outcome = mapping.map(new NodeSourceView(element), keepWhole ? traces::add : null);
					counts[outcome.filtered() ? 3 : outcome.failed() ? 2 : 1]++;
					if (keepWhole || outcome.failed() && kept[1] < keep) {
						kept[outcome.failed() && !keepWhole ? 1 : 0]++;
						listener.record(new PreviewRecord(counts[0], outcome.record(), outcome.output(),
								outcome.problems(), outcome.filtered(), traces == null ? List.of() : traces));
					}
					if (counts[0] % COUNT_EVERY == 0) {
						listener.counts(summary(counts), false);
					}
				}
			}
		} catch (FormatException e) {
			Problem fatal = e.problem();
			counts[0]++;
			counts[2]++;
			listener.record(new PreviewRecord(counts[0], fatal.location(), null, List.of(fatal), false, List.of()));
		}
		MappingRunner.Summary summary = summary(counts);
		listener.counts(summary, true);
		return summary;
	}

	/** As {@link #run}, for an outbound mapping: each object of a canonical sample's list becomes a document tree. */
	public static MappingRunner.Summary runOutbound(CompiledMapping mapping, Path sample, String select, int keep,
			BooleanSupplier cancelled, Listener listener) throws IOException {
		if (mapping.isInbound()) {
			throw new IllegalArgumentException(mapping + " is inbound: its preview reads a partner's file");
		}
		CanonicalDocuments.Sample canonical = CanonicalDocuments.read(sample, select, null);
		long[] counts = new long[4];
		int[] kept = new int[2];
		for (org.eclipse.emf.ecore.EObject object : canonical.objects()) {
			if (cancelled.getAsBoolean()) {
				return null;
			}
			counts[0]++;
			boolean keepWhole = kept[0] < keep;
			List<FieldTrace> traces = keepWhole ? new ArrayList<>() : null;
			MapOutcome outcome = mapping.map(new io.syncline.mapping.internal.EObjectSourceView(object,
					sample.getFileName().toString()), keepWhole ? traces::add : null);
			counts[outcome.filtered() ? 3 : outcome.failed() ? 2 : 1]++;
			if (keepWhole || outcome.failed() && kept[1] < keep) {
				kept[outcome.failed() && !keepWhole ? 1 : 0]++;
				listener.record(new PreviewRecord(counts[0], outcome.record(), outcome.output(), outcome.problems(),
						outcome.filtered(), traces == null ? List.of() : traces));
			}
		}
		MappingRunner.Summary summary = summary(counts);
		listener.counts(summary, true);
		return summary;
	}

	private static MappingRunner.Summary summary(long[] counts) {
		return new MappingRunner.Summary(counts[0], counts[1], counts[2], counts[3]);
	}
}
