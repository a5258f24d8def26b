package io.syncline.formats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.syncline.formats.FormatException;
import io.syncline.formats.Node;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.x12.FileControlNumbers;
import io.syncline.formats.x12.FunctionalAcknowledgments;
import io.syncline.formats.x12.GroupAck;
import io.syncline.formats.x12.PartnerProfile;
import io.syncline.formats.x12.X12RecordReader;
import io.syncline.formats.x12.X12Writer;

/**
 * Syncline's transaction-set validator against StAEDI's, on the same bytes with the same schemas: every Harbor
 * sample, and for each a few hundred seeded mutants (segments deleted, repeated, swapped, moved, unknown or
 * misplaced; elements emptied, cut, added, made too long, of the wrong type, of a wrong code, split into
 * components). Both readers must produce the same records, the same located problems and the same 997 notes.
 */
class X12ValidatorDifferentialTest {

	private static final int MUTANTS_PER_SAMPLE = 400;
	private static final String[] BAD_VALUES = { "", "X", "ZZ", "-7", "12.5.3", "1E5", "-0.25", "ABC", "20261340",
			"20240229", "20230229", "261127", "2400", "0960", "235959", "12345678901234567890123456789012345678901234567890"
					+ "1234567890123456789012345678901234567890123456789012345678901234567890",
			"A>B", "1>2>3", ">", "EA", "BX", "00", "S" };

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "edi/harbor-850-purchase-order.edi", "edi/bigbox-850-customer-order.edi",
			"edi/acme-855-po-ack.edi", "edi/acme-856-asn.edi", "edi/acme-810-invoice.edi",
			"edi/acme-832-price-catalog.edi", "edi/acme-846-inventory-advice.edi" })
	void agreesWithStaediOnTheSampleAndItsMutants(String sample) throws Exception {
		compareWithMutants(Samples.text(sample), sample.hashCode());
	}

	@Test
	void agreesWithStaediOnFunctionalAcknowledgmentsAndTheirMutants() throws Exception {
		String bad = Samples.text("edi/acme-855-po-ack.edi").replace("ACK*IA*5000", "ACK*XX*5000")
				.replace("DTM*068", "DTM*XYZ");
		GroupAck group;
		try (X12RecordReader reader = new X12RecordReader(
				new ByteArrayInputStream(bad.getBytes(StandardCharsets.US_ASCII)), "855.edi", ProblemSink.collecting())) {
			Samples.drain(reader);
			group = reader.acknowledgments().get(0);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new X12Writer(PartnerProfile.x12v4010("acme", "ZZ", "HARBORSUPPLY", "ZZ", "ACMEFAST"), new FileControlNumbers(dir))
				.write("FA", List.of(FunctionalAcknowledgments.build(group)), LocalDateTime.of(2026, 11, 20, 12, 0), out);
		String ack = out.toString(StandardCharsets.US_ASCII);
		assertTrue(ack.contains("AK4*"), ack);
		compareWithMutants(ack, 997);
	}

	private void compareWithMutants(String original, long seed) throws Exception {
		Interchange interchange = Interchange.parse(original);
		Outcome clean = compare(original, "original");
		assertEquals(List.of(), clean.problems, "the unmutated input is valid");
		Random random = new Random(seed);
		int withProblems = 0;
		for (int i = 0; i < MUTANTS_PER_SAMPLE; i++) {
			String mutant = interchange.mutate(random);
			Outcome outcome = compare(mutant, "mutant " + i);
			withProblems += outcome.problems.isEmpty() && outcome.fatal == null ? 0 : 1;
		}
		// the mutants exercise the validators: most break a rule, a few stay valid
		assertTrue(withProblems > MUTANTS_PER_SAMPLE / 2, withProblems + " of " + MUTANTS_PER_SAMPLE);
	}

	private static Outcome compare(String content, String name) {
		Outcome ours = read(content, false);
		Outcome staedi = read(content, true);
		assertEquals(staedi.fatal, ours.fatal, () -> name + ": fatal error\n" + content);
		assertEquals(staedi.problems, ours.problems, () -> name + ": problems\n" + content);
		assertEquals(staedi.acknowledgments, ours.acknowledgments, () -> name + ": 997 notes\n" + content);
		assertEquals(staedi.records, ours.records, () -> name + ": records\n" + content);
		return ours;
	}

	private static Outcome read(String content, boolean staediValidation) {
		ProblemSink.Collecting problems = ProblemSink.collecting();
		List<String> records = new ArrayList<>();
		String fatal = null;
		List<String> acknowledgments = new ArrayList<>();
		try (X12RecordReader reader = new X12RecordReader(
				new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1)), "mutant.edi", problems,
				staediValidation)) {
			Node record;
			while ((record = reader.next()) != null) {
				records.add(dump(record));
			}
			for (GroupAck group : reader.acknowledgments()) {
				acknowledgments.add(group.acknowledgmentCode() + group.transactions().stream()
						.map(t -> t.controlNumber() + t.notes().stream().map(Object::toString).sorted().toList()).toList());
			}
		} catch (FormatException e) {
			fatal = e.getMessage();
		} catch (Exception e) {
			throw new AssertionError(e);
		}
		// StAEDI reports what it finds at a segment's end once it has read past the terminator, so its line can be
		// the next one; both name the same segment position, which is what locates an X12 error.
		return new Outcome(problems.problems().stream().map(p -> p.describe().replaceFirst(" line \\d+,", ","))
				.sorted().toList(), records, fatal, acknowledgments);
	}

	private static String dump(Node node) {
		StringBuilder text = new StringBuilder();
		dump(node, "", text);
		return text.toString();
	}

	private static void dump(Node node, String indent, StringBuilder text) {
		text.append(indent).append(node.name());
		if (node.value() != null) {
			text.append('=').append(node.value());
		}
		text.append(" @").append(node.location().segmentPosition()).append('\n');
		for (Node child : node.children()) {
			dump(child, indent + " ", text);
		}
	}

	private record Outcome(List<String> problems, List<String> records, String fatal, List<String> acknowledgments) {
	}

	/** An interchange as segments, with its separators from the ISA, to be mutated inside its transaction sets. */
	private record Interchange(List<String> segments, char elementSeparator, char terminator) {

		static Interchange parse(String text) {
			char elementSeparator = text.charAt(3);
			char terminator = text.charAt(105);
			List<String> segments = new ArrayList<>();
			for (String segment : text.split(java.util.regex.Pattern.quote(String.valueOf(terminator)))) {
				String trimmed = segment.strip();
				if (!trimmed.isEmpty()) {
					segments.add(trimmed);
				}
			}
			return new Interchange(segments, elementSeparator, terminator);
		}

		String mutate(Random random) {
			List<String> out = new ArrayList<>(segments);
			int changes = 1 + random.nextInt(3);
			for (int c = 0; c < changes; c++) {
				mutateOnce(out, random);
			}
			if (random.nextInt(4) > 0) {
				recount(out);
			}
			StringBuilder text = new StringBuilder();
			for (String segment : out) {
				text.append(segment).append(terminator).append('\n');
			}
			return text.toString();
		}

		private void mutateOnce(List<String> out, Random random) {
			List<Integer> body = bodyPositions(out);
			if (body.isEmpty()) {
				return;
			}
			int at = body.get(random.nextInt(body.size()));
			String segment = out.get(at);
			String sep = String.valueOf(elementSeparator);
			switch (random.nextInt(9)) {
			case 0 -> out.remove(at);
			case 1 -> out.add(at, segment);
			case 2 -> {
				if (body.contains(at + 1)) {
					out.set(at, out.get(at + 1));
					out.set(at + 1, segment);
				}
			}
			case 3 -> {
				out.remove(at);
				List<Integer> rest = bodyPositions(out);
				out.add(rest.isEmpty() ? at : rest.get(random.nextInt(rest.size())), segment);
			}
			case 4, 5 -> {
				String[] elements = segment.split(java.util.regex.Pattern.quote(sep), -1);
				if (elements.length > 1) {
					elements[1 + random.nextInt(elements.length - 1)] = BAD_VALUES[random.nextInt(BAD_VALUES.length)];
					out.set(at, String.join(sep, elements));
				}
			}
			case 6 -> out.set(at, segment + sep + (random.nextBoolean() ? "EXTRA" : ""));
			case 7 -> {
				String[] elements = segment.split(java.util.regex.Pattern.quote(sep), -1);
				int keep = 1 + random.nextInt(Math.max(1, elements.length - 1));
				out.set(at, String.join(sep, java.util.Arrays.copyOf(elements, keep)));
			}
			default -> out.add(at, random.nextBoolean() ? "ZZZ" + sep + "1" : "CTT" + sep + "1");
			}
		}

		/** Positions strictly between an ST and its SE. */
		private static List<Integer> bodyPositions(List<String> segments) {
			List<Integer> body = new ArrayList<>();
			boolean inside = false;
			for (int i = 0; i < segments.size(); i++) {
				String tag = tag(segments.get(i));
				if (tag.equals("ST")) {
					inside = true;
				} else if (tag.equals("SE")) {
					inside = false;
				} else if (inside) {
					body.add(i);
				}
			}
			return body;
		}

		/** Sets each SE01 to its transaction's segment count, so most mutants test the set, not the envelope. */
		private void recount(List<String> segments) {
			int start = -1;
			for (int i = 0; i < segments.size(); i++) {
				String tag = tag(segments.get(i));
				if (tag.equals("ST")) {
					start = i;
				} else if (tag.equals("SE") && start >= 0) {
					String[] elements = segments.get(i).split(java.util.regex.Pattern.quote(String.valueOf(elementSeparator)), -1);
					if (elements.length > 1) {
						elements[1] = Integer.toString(i - start + 1);
						segments.set(i, String.join(String.valueOf(elementSeparator), elements));
					}
					start = -1;
				}
			}
		}

		private static String tag(String segment) {
			int end = 0;
			while (end < segment.length() && Character.isLetterOrDigit(segment.charAt(end))) {
				end++;
			}
			return segment.substring(0, end);
		}
	}
}
