package io.syncline.formats.infer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** What the values of a field look like. Codes with leading zeros (UPCs, store numbers) stay strings. */
public enum FieldType {
	STRING, INTEGER, DECIMAL, DATE, DATETIME, BOOLEAN, GROUP;

	private static final Pattern INTEGER_TEXT = Pattern.compile("[-+]?(0|[1-9]\\d{0,17})");
	private static final Pattern DECIMAL_TEXT = Pattern.compile("[-+]?(0|[1-9]\\d*)?[.,]\\d+");

	public static FieldType of(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			return BOOLEAN;
		}
		if (isDate(text)) {
			return DATE;
		}
		if (INTEGER_TEXT.matcher(text).matches()) {
			return INTEGER;
		}
		if (DECIMAL_TEXT.matcher(text).matches()) {
			return DECIMAL;
		}
		if (text.length() > 10 && text.charAt(4) == '-' && isDateTime(text)) {
			return DATETIME;
		}
		return STRING;
	}

	private static boolean isDate(String text) {
		try {
			if (text.length() == 10 && text.charAt(4) == '-') {
				LocalDate.parse(text);
				return true;
			}
			if (text.length() == 8 && (text.startsWith("19") || text.startsWith("20"))) {
				LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
				return true;
			}
		} catch (DateTimeParseException e) {
			return false;
		}
		return false;
	}

	private static boolean isDateTime(String text) {
		try {
			OffsetDateTime.parse(text);
			return true;
		} catch (DateTimeParseException e) {
			return false;
		}
	}

	/** The type that fits the values of both. */
	public FieldType merge(FieldType other) {
		if (other == null || other == this) {
			return this;
		}
		if (this == GROUP || other == GROUP) {
			return GROUP;
		}
		if ((this == INTEGER && other == DECIMAL) || (this == DECIMAL && other == INTEGER)) {
			return DECIMAL;
		}
		return STRING;
	}
}
