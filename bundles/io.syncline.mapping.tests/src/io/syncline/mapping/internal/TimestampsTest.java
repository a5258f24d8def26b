package io.syncline.mapping.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The direct reading of the common form must agree with {@link OffsetDateTime#parse} on every input. */
class TimestampsTest {

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-26T10:00:00Z", "2026-11-26T10:00:00.5Z", "2026-11-26T10:00:00.123456789Z",
			"2026-11-26T23:59:59.000001+05:30", "2026-01-01T00:00:00-00:00", "2026-06-30T12:00:00-08:00",
			"2024-02-29T00:00:00+18:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00",
			// left to the formatter, which still reads them
			"2026-11-26t10:00:00z", "2026-11-26T10:00Z", "2026-11-26T10:00:00+05:30:15", "+12026-11-26T10:00:00Z",
			"2026-11-26T10:00:00.Z" })
	void readsWhatTheFormatterReads(String text) {
		assertEquals(OffsetDateTime.parse(text), Timestamps.parse(text), text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30T10:00:00Z", "2025-02-29T10:00:00Z", "2026-13-01T10:00:00Z",
			"2026-11-26T24:00:00Z", "2026-11-26T10:60:00Z", "2026-11-26T10:00:60Z", "2026-11-26T10:00:00+19:00",
			"2026-11-26T10:00:00+05:60", "2026-11-26T10:00:00.1234567890Z",
			"2026-11-26T10:00:00", "2026-11-26 10:00:00Z", "2026-11-26T10:00:00ZZ", "2026-1a-26T10:00:00Z",
			"2026-11-26T10:00:00+0530", "2026-11-26T10:00:00*05:30" })
	void refusesWhatTheFormatterRefuses(String text) {
		assertThrows(DateTimeParseException.class, () -> OffsetDateTime.parse(text), text);
		assertThrows(DateTimeParseException.class, () -> Timestamps.parse(text), text);
	}

	@Test
	void agreesOnRandomTimestamps() {
		Random random = new Random(20261127);
		List<String> disagreements = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			String text = randomTimestamp(random);
			Object expected;
			try {
				expected = OffsetDateTime.parse(text);
			} catch (DateTimeParseException e) {
				expected = "refused";
			}
			Object actual;
			try {
				actual = Timestamps.parse(text);
			} catch (DateTimeParseException e) {
				actual = "refused";
			}
			if (!expected.equals(actual)) {
				disagreements.add(text + ": " + expected + " vs " + actual);
			}
		}
		assertEquals(List.of(), disagreements);
	}

	/** Mostly well-formed, with fields now and then out of range and a fraction of 0 to 10 digits. */
	private static String randomTimestamp(Random random) {
		StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000),
				random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
		int fraction = random.nextInt(11);
		if (fraction > 0 || random.nextInt(4) == 0) {
			text.append('.');
			for (int i = 0; i < fraction; i++) {
				text.append((char) ('0' + random.nextInt(10)));
			}
		}
		switch (random.nextInt(3)) {
		case 0 -> text.append('Z');
		default -> text.append(random.nextBoolean() ? '+' : '-')
				.append(String.format("%02d:%02d", random.nextInt(20), random.nextInt(62)));
		}
		return text.toString();
	}
}
