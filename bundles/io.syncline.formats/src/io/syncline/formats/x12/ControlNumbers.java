package io.syncline.formats.x12;

/**
 * Hands out EDI control numbers per partner and kind (interchange, group, transaction), each exactly once and
 * without gaps. Implementations must be durable: a number once returned is never returned again.
 */
public interface ControlNumbers {

	enum Kind {
		INTERCHANGE, GROUP, TRANSACTION
	}

	long next(String partnerId, Kind kind);
}
