package io.syncline.formats.x12.internal;

import java.time.Year;
import java.util.function.Consumer;

import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * The X12 data element types: AN and ID (string, identifier), Nn (numeric), R (decimal), DT and TM. Lengths count
 * digits only for numbers, as the standard says: a sign, a decimal point and an exponent mark are not counted.
 */
final class ValueChecks {

	private ValueChecks() {
	}

	static void check(ElementRule element, String value, Consumer<EDIStreamValidationError> errors) {
		switch (element.base) {
		case STRING, IDENTIFIER -> text(element, value, errors);
		case NUMERIC -> number(element, value, numericLength(value), errors);
		case DECIMAL -> number(element, value, decimalLength(value), errors);
		case DATE -> {
			int length = value.length();
			if (!lengthFits(element, length, errors) || length % 2 != 0 || !isDate(value)) {
				errors.accept(EDIStreamValidationError.INVALID_DATE);
			}
		}
		case TIME -> {
			if (!lengthFits(element, value.length(), errors) || !isTime(value)) {
				errors.accept(EDIStreamValidationError.INVALID_TIME);
			}
		}
		default -> {
			// binary data is not validated
		}
		}
	}

	private static void text(ElementRule element, String value, Consumer<EDIStreamValidationError> errors) {
		lengthFits(element, value.length(), errors);
		if (!element.codes.isEmpty() && !element.codes.contains(value)) {
			errors.accept(EDIStreamValidationError.INVALID_CODE_VALUE);
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			if (!isValidCharacter(value.charAt(i))) {
				errors.accept(EDIStreamValidationError.INVALID_CHARACTER_DATA);
				return;
			}
		}
	}

	/** @param signedLength the counted length, negated when the value is not a well-formed number */
	private static void number(ElementRule element, String value, int signedLength,
			Consumer<EDIStreamValidationError> errors) {
		lengthFits(element, Math.abs(signedLength), errors);
		if (signedLength < 0) {
			errors.accept(EDIStreamValidationError.INVALID_CHARACTER_DATA);
		}
	}

	private static boolean lengthFits(ElementRule element, int length, Consumer<EDIStreamValidationError> errors) {
		if (length > element.maxLength) {
			errors.accept(EDIStreamValidationError.DATA_ELEMENT_TOO_LONG);
			return false;
		}
		if (length < element.minLength) {
			errors.accept(EDIStreamValidationError.DATA_ELEMENT_TOO_SHORT);
			return false;
		}
		return true;
	}

	/** Digits with an optional leading minus. */
	static int numericLength(String value) {
		int length = value.length();
		boolean invalid = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '-') {
				length--;
				invalid |= i > 0;
			} else if (c < '0' || c > '9') {
				invalid = true;
			}
		}
		return invalid ? -length : length;
	}

	/** Digits with an optional leading minus, one decimal point, and an exponent {@code E} with its own sign. */
	static int decimalLength(String value) {
		int length = value.length();
		int points = 0;
		int exponents = 0;
		boolean invalid = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= '0' && c <= '9') {
				continue;
			}
			switch (c) {
			case 'E' -> {
				length--;
				invalid |= ++exponents > 1;
			}
			case '-' -> {
				length--;
				invalid |= !(i == 0 || value.charAt(i - 1) == 'E');
			}
			case '.' -> {
				length--;
				invalid |= ++points > 1 || exponents > 0;
			}
			default -> invalid = true;
			}
		}
		return invalid ? -length : length;
	}

	/** CCYYMMDD, or YYMMDD read as this century unless that would be in the future. */
	static boolean isDate(String value) {
		int number = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
			number = number * 10 + (c - '0');
		}
		int day = number % 100;
		int month = number / 100 % 100;
		int year = number / 10000;
		if (value.length() == 6) {
			int now = Year.now().getValue();
			year += (year > now % 100 ? now / 100 - 1 : now / 100) * 100;
		}
		if (day < 1) {
			return false;
		}
		return switch (month) {
		case 1, 3, 5, 7, 8, 10, 12 -> day <= 31;
		case 4, 6, 9, 11 -> day <= 30;
		case 2 -> day <= 28 || day == 29 && Year.isLeap(year);
		default -> false;
		};
	}

	/** HHMM, then optionally SS and decimal seconds. */
	static boolean isTime(String value) {
		int hours = 0;
		int minutes = 0;
		int seconds = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
			int digit = c - '0';
			if (i < 2) {
				hours = hours * 10 + digit;
			} else if (i < 4) {
				minutes = minutes * 10 + digit;
			} else if (i < 6) {
				seconds = seconds * 10 + digit;
			}
		}
		return hours < 24 && minutes < 60 && seconds < 60;
	}

	/** X12 allows any character but the control characters other than white space. */
	static boolean isValidCharacter(char c) {
		if (c >= 0x20) {
			return c != 0x7F;
		}
		return c >= 0x09 && c <= 0x0D;
	}
}
