package io.syncline.mapping.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;

import io.syncline.mapping.functions.MappingFunctions;

/** Turns what an expression produced into what a target feature holds; a value that does not fit is an error. */
public final class ValueCoercion {

	private final MappingFunctions functions;

	public ValueCoercion(MappingFunctions functions) {
		this.functions = functions;
	}

	/**
	 * How a value becomes what one feature holds, decided once per feature rather than per value. One final class
	 * with a switch, not a lambda per kind: a mapping sets many features from one call site, which stays cheap only
	 * if it does not dispatch among many implementations.
	 */
	public static final class Converter {
		private static final int TEXT = 0;
		private static final int DECIMAL = 1;
		private static final int WHOLE = 2;
		private static final int ENUM = 3;
		private static final int OTHER = 4;

		private final ValueCoercion coercion;
		private final EDataType type;
		private final int kind;
		private final Map<String, Object> literals;

		private Converter(ValueCoercion coercion, EDataType type, int kind, Map<String, Object> literals) {
			this.coercion = coercion;
			this.type = type;
			this.kind = kind;
			this.literals = literals;
		}

		public Object convert(Object value) {
			if (value == null) {
				return null;
			}
			switch (kind) {
			case TEXT:
				return text(value);
			case DECIMAL:
				return coercion.functions.number(value);
			case WHOLE:
				if (value instanceof String text) {
					int parsed = shortWhole(text);
					if (parsed >= 0) {
						return parsed; // the common case, without a BigDecimal per field
					}
				}
				return coercion.to(type, value);
			case ENUM:
				Object found = literals.get(text(value).strip().toLowerCase(Locale.ROOT));
				return found != null ? found : literal((EEnum) type, value);
			default:
				return coercion.to(type, value);
			}
		}
	}

	public Converter converterFor(EDataType type) {
		if (type instanceof EEnum enumType) {
			Map<String, Object> literals = new HashMap<>();
			for (EEnumLiteral literal : enumType.getELiterals()) {
				literals.putIfAbsent(literal.getLiteral().toLowerCase(Locale.ROOT), literal.getInstance());
				literals.putIfAbsent(literal.getName().toLowerCase(Locale.ROOT), literal.getInstance());
			}
			return new Converter(this, type, Converter.ENUM, literals);
		}
		Class<?> target = type.getInstanceClass();
		int kind = target == String.class ? Converter.TEXT
				: target == BigDecimal.class ? Converter.DECIMAL
						: target == int.class || target == Integer.class ? Converter.WHOLE : Converter.OTHER;
		return new Converter(this, type, kind, null);
	}

	public Object to(EDataType type, Object value) {
		if (value == null) {
			return null;
		}
		if (type instanceof EEnum enumType) {
			return literal(enumType, value);
		}
		Class<?> target = type.getInstanceClass();
		if (target == String.class) {
			return text(value);
		}
		if (target == BigDecimal.class) {
			return functions.number(value);
		}
		if (target == int.class || target == Integer.class) {
			if (value instanceof String text) {
				int parsed = shortWhole(text);
				if (parsed >= 0) {
					return parsed; // the common case, without a BigDecimal per field
				}
			}
			BigDecimal number = functions.number(value);
			try {
				return number == null ? null : number.intValueExact();
			} catch (ArithmeticException e) {
				throw new IllegalArgumentException("'" + value + "' is not a whole number");
			}
		}
		if (target == boolean.class || target == Boolean.class) {
			String text = text(value).toLowerCase(Locale.ROOT);
			return text.equals("true") || text.equals("1") || text.equals("y") || text.equals("yes");
		}
		if (target == LocalDate.class) {
			return date(value);
		}
		if (target == Instant.class) {
			return instant(value);
		}
		throw new IllegalArgumentException("cannot map a value to " + type.getName());
	}

	/** Up to 9 ASCII digits, read in one pass: always an int, in every number locale; -1 for anything else. */
	private static int shortWhole(String text) {
		int length = text.length();
		if (length == 0 || length > 9) {
			return -1;
		}
		int whole = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			whole = whole * 10 + (c - '0');
		}
		return whole;
	}

	public static String text(Object value) {
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		if (value instanceof Enumerator literal) {
			return literal.getName();
		}
		return value.toString();
	}

	private static LocalDate date(Object value) {
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime.toLocalDate();
		}
		String text = value.toString().strip();
		try {
			if (text.length() == 8 && text.chars().allMatch(Character::isDigit)) {
				return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
			}
			return text.length() > 10 ? Timestamps.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
					: LocalDate.parse(text);
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("'" + text + "' is not a date (CCYYMMDD or ISO)");
		}
	}

	private static Instant instant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof LocalDate date) {
			return date.atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		String text = value.toString().strip();
		try {
			return Timestamps.parse(text).toInstant();
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("'" + text + "' is not a timestamp such as 2026-11-20T06:00:00Z");
		}
	}

	private static Object literal(EEnum type, Object value) {
		String text = text(value).strip();
		for (EEnumLiteral literal : type.getELiterals()) {
			if (literal.getName().equalsIgnoreCase(text) || literal.getLiteral().equalsIgnoreCase(text)) {
				return literal.getInstance();
			}
		}
		throw new IllegalArgumentException("'" + text + "' is not one of " + type.getELiterals().stream()
				.map(EEnumLiteral::getName).toList());
	}
}
