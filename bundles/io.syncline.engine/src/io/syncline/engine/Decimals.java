package io.syncline.engine;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How quantities and prices read in exception texts and audit details: 12, not 12.000, and a computed ratio
 * cut to 16 significant digits rather than a non-terminating expansion.
 */
final class Decimals {

	private Decimals() {
	}

	static String plain(BigDecimal value) {
		return value.round(MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
	}
}
