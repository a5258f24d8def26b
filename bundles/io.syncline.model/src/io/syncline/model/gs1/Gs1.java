package io.syncline.model.gs1;

/**
 * GS1 identifiers: GTIN-8/12/13/14 (a UPC-A is a GTIN-12) and the 18-digit SSCC share one mod-10 check digit.
 */
public final class Gs1 {

	private Gs1() {
	}

	/** The check digit for the digits that precede it, or -1 when they are not all digits. */
	public static int checkDigit(CharSequence body) {
		return checkDigit(body, body.length());
	}

	/** The check digit for the first {@code end} characters. */
	private static int checkDigit(CharSequence code, int end) {
		int sum = 0;
		int weight = 3; // the digit next to the check digit weighs 3, then alternates with 1
		for (int i = end - 1; i >= 0; i--) {
			char c = code.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			sum += (c - '0') * weight;
			weight = 4 - weight;
		}
		return (10 - sum % 10) % 10;
	}

	public static boolean hasValidCheckDigit(String code) {
		if (code == null || code.length() < 2) {
			return false;
		}
		int expected = checkDigit(code, code.length() - 1);
		return expected >= 0 && code.charAt(code.length() - 1) - '0' == expected;
	}

	public static boolean isGtinLength(int length) {
		return length == 8 || length == 12 || length == 13 || length == 14;
	}

	public static boolean isValidGtin(String gtin) {
		return gtin != null && isGtinLength(gtin.length()) && hasValidCheckDigit(gtin);
	}

	public static boolean isValidSscc(String sscc) {
		return sscc != null && sscc.length() == 18 && hasValidCheckDigit(sscc);
	}

	/** Left-pads a valid GTIN to 14 digits, the form to compare and store. */
	public static String toGtin14(String gtin) {
		if (!isValidGtin(gtin)) {
			throw new IllegalArgumentException("not a valid GTIN: " + gtin);
		}
		return "0".repeat(14 - gtin.length()) + gtin;
	}
}
