package io.syncline.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant's rules for available-to-promise: whether stock on its way (ship notices received for a warehouse)
 * counts, and which share of ATP is reserved for a sales channel (WEB, EDI, CRM), so the other channels cannot take
 * it. Kept as tenant rules {@code atp.inTransit = true|false} and {@code atp.reserve.<CHANNEL> = percent}.
 */
public record AtpRules(boolean countInTransit, Map<String, BigDecimal> reservePercent) {

	public static final String IN_TRANSIT = "atp.inTransit";
	public static final String RESERVE = "atp.reserve.";

	public AtpRules {
		reservePercent = Map.copyOf(reservePercent);
		BigDecimal total = reservePercent.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		if (total.compareTo(new BigDecimal("100")) > 0) {
			throw new IllegalArgumentException("channel reserves add up to " + total.toPlainString() + " %, over 100 %");
		}
	}

	public static AtpRules none() {
		return new AtpRules(false, Map.of());
	}

	/** The ATP rules among a tenant's rules; a bad value is refused with the rule it is in. */
	public static AtpRules of(Map<String, String> rules) {
		boolean inTransit = false;
		Map<String, BigDecimal> reserves = new TreeMap<>();
		for (Map.Entry<String, String> rule : rules.entrySet()) {
			String key = rule.getKey();
			String value = rule.getValue().strip();
			if (key.equals(IN_TRANSIT)) {
				if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
					throw new IllegalArgumentException(IN_TRANSIT + " is true or false, not '" + value + "'");
				}
				inTransit = Boolean.parseBoolean(value);
			} else if (key.startsWith(RESERVE)) {
				String channel = key.substring(RESERVE.length()).toUpperCase(Locale.ROOT);
				if (!channel.matches("WEB|EDI|CRM")) {
					throw new IllegalArgumentException(key + ": the channel is WEB, EDI or CRM, not '" + channel + "'");
				}
				BigDecimal percent;
				try {
					percent = new BigDecimal(value);
				} catch (NumberFormatException e) {
					throw new IllegalArgumentException(key + " is a percentage, not '" + value + "'");
				}
				if (percent.signum() < 0 || percent.compareTo(new BigDecimal("100")) > 0) {
					throw new IllegalArgumentException(key + " is a percentage from 0 to 100, not " + value);
				}
				reserves.put(channel, percent);
			}
		}
		return new AtpRules(inTransit, reserves);
	}

	/** What one channel may promise: ATP less the shares reserved for the other channels, never below zero. */
	public BigDecimal forChannel(String channel, BigDecimal atp) {
		if (atp.signum() <= 0) {
			return atp;
		}
		BigDecimal reservedForOthers = BigDecimal.ZERO;
		for (Map.Entry<String, BigDecimal> reserve : reservePercent.entrySet()) {
			if (!reserve.getKey().equalsIgnoreCase(channel)) {
				reservedForOthers = reservedForOthers.add(reserve.getValue());
			}
		}
		BigDecimal reserved = atp.multiply(reservedForOthers).divide(new BigDecimal("100"), 4, RoundingMode.CEILING);
		return atp.subtract(reserved).max(BigDecimal.ZERO).stripTrailingZeros();
	}
}
