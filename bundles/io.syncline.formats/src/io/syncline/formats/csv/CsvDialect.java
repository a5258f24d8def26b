package io.syncline.formats.csv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The dialect of a delimited file, sniffed from its first lines: delimiter ({@code , ; | TAB}), quote character,
 * whether the first row is a header, whether lines end in CRLF and whether a UTF-8 BOM leads.
 */
public record CsvDialect(char delimiter, char quote, boolean header, boolean crlf, boolean bom) {

	private static final char[] CANDIDATES = { ',', ';', '|', '\t' };
	private static final int SAMPLE_LINES = 50;

	public static CsvDialect sniff(String sample) {
		boolean bom = sample.startsWith("\uFEFF");
		String text = bom ? sample.substring(1) : sample;
		boolean crlf = text.contains("\r\n");
		List<String> lines = text.lines().filter(l -> !l.isBlank()).limit(SAMPLE_LINES).toList();
		char quote = text.indexOf('"') < 0 && text.indexOf('\'') >= 0 ? '\'' : '"';
		char delimiter = bestDelimiter(lines, quote);
		return new CsvDialect(delimiter, quote, looksLikeHeader(lines, delimiter, quote), crlf, bom);
	}

	/** The candidate that splits every sampled line into the same number (more than one) of fields, most fields first. */
	private static char bestDelimiter(List<String> lines, char quote) {
		char best = ',';
		int bestScore = -1;
		for (char candidate : CANDIDATES) {
			Set<Integer> counts = new HashSet<>();
			for (String line : lines) {
				counts.add(split(line, candidate, quote).size());
			}
			int fields = counts.size() == 1 ? counts.iterator().next() : 0;
			int score = fields > 1 ? fields * 2 : maxOf(counts) > 1 ? 1 : 0;
			if (score > bestScore) {
				bestScore = score;
				best = candidate;
			}
		}
		return best;
	}

	private static int maxOf(Set<Integer> counts) {
		return counts.stream().mapToInt(Integer::intValue).max().orElse(0);
	}

	/** A header row has no numbers and no repeated names, and the rows below hold at least one number. */
	private static boolean looksLikeHeader(List<String> lines, char delimiter, char quote) {
		if (lines.size() < 2) {
			return true;
		}
		List<String> first = split(lines.get(0), delimiter, quote);
		if (first.stream().anyMatch(CsvDialect::isNumber) || new HashSet<>(first).size() != first.size()) {
			return false;
		}
		return lines.stream().skip(1).limit(10).map(l -> split(l, delimiter, quote))
				.anyMatch(row -> row.stream().anyMatch(CsvDialect::isNumber));
	}

	private static boolean isNumber(String field) {
		return field.trim().matches("[-+]?\\d+([.,]\\d+)?");
	}

	static List<String> split(String line, char delimiter, char quote) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == quote) {
				quoted = !quoted;
			} else if (c == delimiter && !quoted) {
				fields.add(field.toString());
				field.setLength(0);
			} else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}
}
