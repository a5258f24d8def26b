package io.syncline.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.syncline.model.gs1.Gs1;

class Gs1Test {

	@Test
	void upcsOfTheSamplesAreValid() {
		for (String upc : new String[] { "012345678905", "012345678912", "012345678929", "012345678936",
				"012345678943" }) {
			assertTrue(Gs1.isValidGtin(upc), upc);
		}
	}

	@Test
	void gs1PublishedSsccExampleIsValid() {
		assertEquals(7, Gs1.checkDigit("10614141123456789"));
		assertTrue(Gs1.isValidSscc("106141411234567897"));
		assertFalse(Gs1.isValidSscc("106141411234567890"));
	}

	@Test
	void gtin14NormalisationPadsAndRejectsInvalid() {
		assertEquals("00012345678905", Gs1.toGtin14("012345678905"));
		assertEquals("04006381333931", Gs1.toGtin14("4006381333931"));
		assertThrows(IllegalArgumentException.class, () -> Gs1.toGtin14("4006381333932"));
	}

	@Test
	void nonDigitsHaveNoCheckDigit() {
		assertEquals(-1, Gs1.checkDigit("01234A"));
		assertFalse(Gs1.isValidGtin("01234567890A"));
	}
}
