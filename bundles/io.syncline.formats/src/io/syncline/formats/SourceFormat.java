package io.syncline.formats;

import java.util.Locale;

public enum SourceFormat {
	CSV, JSON, JSONL, XML, X12, FIXED;

	/** From a file name's extension; null if it says nothing. */
	public static SourceFormat fromFileName(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
			return CSV;
		}
		if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
			return JSONL;
		}
		if (lower.endsWith(".json")) {
			return JSON;
		}
		if (lower.endsWith(".xml")) {
			return XML;
		}
		if (lower.endsWith(".edi") || lower.endsWith(".x12")) {
			return X12;
		}
		if (lower.endsWith(".dat") || lower.endsWith(".fw")) {
			return FIXED;
		}
		return null;
	}
}
