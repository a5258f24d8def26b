package io.syncline.formats.x12;

import io.xlate.edi.stream.EDIStreamValidationError;

/** StAEDI's validation errors as X12 997 codes (AK304 for segments, AK403 for elements) and as readable text. */
final class X12ErrorCodes {

	private X12ErrorCodes() {
	}

	static String segmentCode(EDIStreamValidationError error) {
		return switch (error) {
		case UNRECOGNIZED_SEGMENT_ID -> "1";
		case UNEXPECTED_SEGMENT -> "2";
		case MANDATORY_SEGMENT_MISSING -> "3";
		case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "4";
		case SEGMENT_EXCEEDS_MAXIMUM_USE -> "5";
		case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> "6";
		case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "7";
		default -> "8";
		};
	}

	static String elementCode(EDIStreamValidationError error) {
		return switch (error) {
		case REQUIRED_DATA_ELEMENT_MISSING -> "1";
		case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "2";
		case TOO_MANY_DATA_ELEMENTS -> "3";
		case DATA_ELEMENT_TOO_SHORT -> "4";
		case DATA_ELEMENT_TOO_LONG -> "5";
		case INVALID_CHARACTER_DATA -> "6";
		case INVALID_CODE_VALUE -> "7";
		case INVALID_DATE -> "8";
		case INVALID_TIME -> "9";
		case EXCLUSION_CONDITION_VIOLATED -> "10";
		case TOO_MANY_REPETITIONS -> "12";
		case TOO_MANY_COMPONENTS -> "13";
		default -> "1";
		};
	}

	static String describe(EDIStreamValidationError error) {
		return switch (error) {
		case UNRECOGNIZED_SEGMENT_ID -> "unknown segment";
		case UNEXPECTED_SEGMENT -> "segment not expected here";
		case MANDATORY_SEGMENT_MISSING -> "mandatory segment missing";
		case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "loop repeats more often than allowed";
		case SEGMENT_EXCEEDS_MAXIMUM_USE -> "segment repeats more often than allowed";
		case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> "segment is not part of this transaction set";
		case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "segment out of order";
		case REQUIRED_DATA_ELEMENT_MISSING -> "mandatory element missing";
		case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "conditionally required element missing";
		case TOO_MANY_DATA_ELEMENTS -> "too many elements";
		case DATA_ELEMENT_TOO_SHORT -> "value too short";
		case DATA_ELEMENT_TOO_LONG -> "value too long";
		case INVALID_CHARACTER_DATA -> "invalid characters";
		case INVALID_CODE_VALUE -> "not a valid code";
		case INVALID_DATE -> "not a valid date (CCYYMMDD)";
		case INVALID_TIME -> "not a valid time (HHMM)";
		case CONTROL_REFERENCE_MISMATCH -> "control number does not match the header's";
		case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "count does not match the actual count";
		default -> error.name().toLowerCase().replace('_', ' ');
		};
	}
}
