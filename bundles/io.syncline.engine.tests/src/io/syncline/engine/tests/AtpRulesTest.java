package io.syncline.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.syncline.engine.AtpRules;

/** Channel reserves and the in-transit switch, read from a tenant's rules. */
class AtpRulesTest {

	@Test
	void aChannelMayTakeWhatIsNotReservedForTheOthers() {
		AtpRules rules = AtpRules.of(Map.of("atp.reserve.EDI", "30", "atp.reserve.WEB", "10"));
		BigDecimal atp = new BigDecimal("1000");
		assertEquals(0, new BigDecimal("900").compareTo(rules.forChannel("EDI", atp)), "WEB's 10 % is not EDI's");
		assertEquals(0, new BigDecimal("700").compareTo(rules.forChannel("WEB", atp)), "EDI's 30 % is not WEB's");
		assertEquals(0, new BigDecimal("600").compareTo(rules.forChannel("CRM", atp)), "CRM has no reserve of its own");
		assertEquals(0, new BigDecimal("-5").compareTo(rules.forChannel("WEB", new BigDecimal("-5"))),
				"a shortfall stays a shortfall");
		assertFalse(rules.countInTransit());
	}

	@Test
	void badRulesAreRefusedNamingTheRule() {
		assertTrue(AtpRules.of(Map.of("atp.inTransit", "TRUE")).countInTransit());
		IllegalArgumentException over = assertThrows(IllegalArgumentException.class,
				() -> AtpRules.of(Map.of("atp.reserve.EDI", "70", "atp.reserve.WEB", "40")));
		assertTrue(over.getMessage().contains("110"), over.getMessage());
		IllegalArgumentException channel = assertThrows(IllegalArgumentException.class,
				() -> AtpRules.of(Map.of("atp.reserve.FAX", "10")));
		assertTrue(channel.getMessage().startsWith("atp.reserve.FAX"), channel.getMessage());
		IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
				() -> AtpRules.of(Map.of("atp.reserve.WEB", "ten")));
		assertTrue(number.getMessage().contains("'ten'"), number.getMessage());
	}
}
