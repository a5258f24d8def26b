package io.syncline.mapping.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParsePosition;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.syncline.mapping.internal.Timestamps;
import io.syncline.model.gs1.Gs1;

/**
 * The functions mapping expressions call as {@code fn:name(...)}. Each is pure; a value that cannot be converted
 * raises {@link IllegalArgumentException} with a message for people, which the engine reports with the record's
 * location and the rule. Null in gives null out, so optional fields stay optional.
 */
public final class MappingFunctions {

	private static final DateTimeFormatter X12_DATE = DateTimeFormatter.BASIC_ISO_DATE;
	private static final Map<String, DateTimeFormatter> FORMATTERS = new java.util.concurrent.ConcurrentHashMap<>();

	private final Locale numberLocale;
	private final Map<String, Map<String, String>> lookups;
	private final UomCatalog uoms;

	public MappingFunctions(Locale numberLocale, Map<String, Map<String, String>> lookups, UomCatalog uoms) {
		this.numberLocale = numberLocale;
		this.lookups = lookups;
		this.uoms = uoms;
	}

	// ---- text

	public String concat(Object... parts) {
		StringBuilder text = new StringBuilder();
		for (Object part : parts) {
			if (part != null) {
				text.append(part);
			}
		}
		return text.toString();
	}

	public String substring(String text, int start, int end) {
		if (text == null) {
			return null;
		}
		return text.substring(Math.min(start, text.length()), Math.min(end, text.length()));
	}

	public int length(Object text) {
		return text == null ? 0 : text.toString().length();
	}

	public String trim(String text) {
		return text == null ? null : text.strip();
	}

	public String upper(String text) {
		return text == null ? null : text.toUpperCase(Locale.ROOT);
	}

	public String lower(String text) {
		return text == null ? null : text.toLowerCase(Locale.ROOT);
	}

	public String padLeft(Object value, int width, String pad) {
		return value == null ? null : pad(value.toString(), width, pad, true);
	}

	public String padRight(Object value, int width, String pad) {
		return value == null ? null : pad(value.toString(), width, pad, false);
	}

	private static String pad(String text, int width, String pad, boolean left) {
		if (text.length() >= width) {
			return text;
		}
		String fill = pad.repeat(width - text.length()).substring(0, width - text.length());
		return left ? fill + text : text + fill;
	}

	public String replace(String text, String target, String replacement) {
		return text == null ? null : text.replace(target, replacement);
	}

	/** The first group of the first match of {@code regex} (or the whole match if it has no group), else null. */
	public String regex(String text, String regex) {
		if (text == null) {
			return null;
		}
		Matcher matcher = Pattern.compile(regex).matcher(text);
		if (!matcher.find()) {
			return null;
		}
		return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
	}

	public boolean matches(String text, String regex) {
		return text != null && Pattern.compile(regex).matcher(text).matches();
	}

	// ---- numbers

	/** A number as the source writes it, in the mapping's number locale (decimal commas included). */
	/**
	 * {@code -123.45} and the like, up to 18 digits, read without the character array and checks the general
	 * constructor needs; the same value and scale as {@code new BigDecimal(text)}. Null for anything else.
	 */
	private static BigDecimal plainDecimal(String text) {
		int length = text.length();
		int start = text.charAt(0) == '-' ? 1 : 0;
		if (length - start > 19) {
			return null;
		}
		long unscaled = 0;
		int digits = 0;
		int scale = 0;
		boolean point = false;
		for (int i = start; i < length; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				unscaled = unscaled * 10 + (c - '0');
				digits++;
				if (point) {
					scale++;
				}
			} else if (c == '.' && !point) {
				point = true;
			} else {
				return null;
			}
		}
		if (digits == 0 || digits > 18) {
			return null;
		}
		return BigDecimal.valueOf(start == 1 ? -unscaled : unscaled, scale);
	}

	public BigDecimal number(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		String text = value.toString().strip();
		if (text.isEmpty()) {
			return null;
		}
		if (numberLocale == Locale.ROOT) {
			BigDecimal plain = plainDecimal(text);
			if (plain != null) {
				return plain;
			}
			try {
				return new BigDecimal(text);
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("'" + text + "' is not a number");
			}
		}
		DecimalFormat format = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(numberLocale));
		format.setParseBigDecimal(true);
		ParsePosition position = new ParsePosition(0);
		Object parsed = format.parse(text, position);
		if (parsed == null || position.getIndex() != text.length()) {
			throw new IllegalArgumentException("'" + text + "' is not a number in locale " + numberLocale.toLanguageTag());
		}
		return (BigDecimal) parsed;
	}

	public BigDecimal round(Object value, int scale) {
		BigDecimal number = number(value);
		return number == null ? null : number.setScale(scale, RoundingMode.HALF_UP);
	}

	/** X12 implied decimals: {@code scale("126150", 2)} is 1261.50. */
	public BigDecimal impliedDecimal(Object value, int scale) {
		BigDecimal number = number(value);
		return number == null ? null : number.movePointLeft(scale);
	}

	/** The other way: 1261.50 with 2 implied decimals is "126150". */
	public String toImpliedDecimal(Object value, int scale) {
		BigDecimal number = number(value);
		return number == null ? null : number.movePointRight(scale).setScale(0, RoundingMode.HALF_UP).toPlainString();
	}

	public String plain(Object value) {
		BigDecimal number = number(value);
		return number == null ? null : number.stripTrailingZeros().toPlainString();
	}

	/** The sum of numbers, ignoring absent ones; 0 for none. */
	public BigDecimal sum(java.util.Collection<?> values) {
		BigDecimal total = BigDecimal.ZERO;
		for (Object value : values) {
			BigDecimal number = number(value);
			if (number != null) {
				total = total.add(number);
			}
		}
		return total;
	}

	public BigDecimal multiply(Object a, Object b) {
		BigDecimal x = number(a);
		BigDecimal y = number(b);
		return x == null || y == null ? null : x.multiply(y);
	}

	// ---- dates

	/** Parses with a pattern; {@code CCYYMMDD} (X12) is understood. */
	public LocalDate date(Object value, String pattern) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof LocalDate date) {
			return date;
		}
		String text = value.toString().strip();
		try {
			LocalDate fast = digitsDate(text, pattern);
			return fast != null ? fast : LocalDate.parse(text, formatter(pattern));
		} catch (java.time.DateTimeException e) {
			throw new IllegalArgumentException("'" + text + "' is not a date of the form " + pattern);
		}
	}

	/**
	 * The two patterns partners use most (CCYYMMDD and yyyy-MM-dd), read digit by digit: a formatter costs more than
	 * the rest of a record's mapping. Null if the text does not have that shape; LocalDate.of checks the calendar.
	 */
	private static LocalDate digitsDate(String text, String pattern) {
		boolean compact = ("CCYYMMDD".equals(pattern) || "yyyyMMdd".equals(pattern)) && text.length() == 8;
		boolean iso = "yyyy-MM-dd".equals(pattern) && text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-';
		if (!compact && !iso) {
			return null;
		}
		int year = Timestamps.digits(text, 0, 4);
		int month = Timestamps.digits(text, compact ? 4 : 5, 2);
		int day = Timestamps.digits(text, compact ? 6 : 8, 2);
		return year < 0 || month < 0 || day < 0 ? null : LocalDate.of(year, month, day);
	}


	/** An ISO timestamp with offset (2026-11-20T06:00:00Z) or a date, as its calendar date in UTC. */
	public LocalDate isoDate(Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		String text = value.toString().strip();
		try {
			return text.length() <= 10 ? LocalDate.parse(text)
					: Timestamps.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("'" + text + "' is not an ISO date or timestamp");
		}
	}

	/** An X12 date (CCYYMMDD) and optional time (HHMM) as a UTC timestamp. */
	public java.time.Instant x12Timestamp(Object date, Object time) {
		LocalDate day = date(date, "CCYYMMDD");
		if (day == null) {
			return null;
		}
		String hhmm = time == null ? "0000" : time.toString().strip();
		if (!hhmm.matches("\\d{4}(\\d{2})?")) {
			throw new IllegalArgumentException("'" + hhmm + "' is not an X12 time (HHMM)");
		}
		return day.atTime(Integer.parseInt(hhmm.substring(0, 2)), Integer.parseInt(hhmm.substring(2, 4)))
				.toInstant(ZoneOffset.UTC);
	}

	public String formatDate(Object value, String pattern) {
		if (value == null) {
			return null;
		}
		LocalDate date = value instanceof LocalDate d ? d : isoDate(value);
		return date.format(formatter(pattern));
	}

	/** Adds working days, skipping Saturdays and Sundays. */
	public LocalDate addBusinessDays(Object start, int days) {
		LocalDate date = start instanceof LocalDate d ? d : isoDate(start);
		if (date == null) {
			return null;
		}
		int step = days < 0 ? -1 : 1;
		for (int remaining = Math.abs(days); remaining > 0;) {
			date = date.plusDays(step);
			if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
				remaining--;
			}
		}
		return date;
	}

	/** When goods ordered on {@code orderDate} arrive, given a supplier's lead time in business days. */
	public LocalDate expectedDate(Object orderDate, Object leadTimeDays) {
		BigDecimal days = number(leadTimeDays);
		return days == null ? null : addBusinessDays(orderDate, days.intValueExact());
	}

	/** Formatters are built once per pattern: building one costs more than parsing a date with it. */
	private static DateTimeFormatter formatter(String pattern) {
		if ("CCYYMMDD".equals(pattern)) {
			return X12_DATE;
		}
		return FORMATTERS.computeIfAbsent(pattern,
				p -> DateTimeFormatter.ofPattern(p.replace("CCYY", "yyyy").replace("YY", "yy"), Locale.ROOT));
	}

	public LocalDateTime now() {
		return LocalDateTime.now(ZoneOffset.UTC);
	}

	// ---- choice

	public Object coalesce(Object... values) {
		for (Object value : values) {
			if (value != null && !(value instanceof String s && s.isBlank())) {
				return value;
			}
		}
		return null;
	}

	/** {@code case(value, k1, v1, k2, v2, …, default)}: the value paired with the first key equal to value. */
	public Object caseOf(Object value, Object... pairs) {
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			if (pairs[i] != null && pairs[i].toString().equals(String.valueOf(value))) {
				return pairs[i + 1];
			}
		}
		return pairs.length % 2 == 1 ? pairs[pairs.length - 1] : null;
	}

	/**
	 * The value whose qualifier is {@code code}, from parallel lists: {@code pick(record.all('DTM/DTM01'),
	 * record.all('DTM/DTM02'), '017')} is the date qualified 017.
	 */
	public Object pick(java.util.List<?> codes, java.util.List<?> values, Object code) {
		for (int i = 0; i < codes.size() && i < values.size(); i++) {
			if (codes.get(i) != null && codes.get(i).toString().equals(String.valueOf(code))) {
				return values.get(i);
			}
		}
		return null;
	}

	/** Σ quantity × price over parallel lists, as an invoice total. */
	public BigDecimal invoiceTotal(java.util.List<?> quantities, java.util.List<?> prices) {
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < quantities.size() && i < prices.size(); i++) {
			BigDecimal line = multiply(quantities.get(i), prices.get(i));
			if (line != null) {
				total = total.add(line);
			}
		}
		return total;
	}

	// ---- distributor

	/** Partner key → our key through a lookup table of the mapping; unknown keys are an error unless it has a default. */
	public String crossRef(String table, Object key) {
		if (key == null) {
			return null;
		}
		Map<String, String> entries = lookups.get(table);
		if (entries == null) {
			throw new IllegalArgumentException("no lookup table '" + table + "' in this mapping");
		}
		String value = entries.get(key.toString());
		if (value == null) {
			value = entries.get(LookupTables.DEFAULT_KEY);
		}
		if (value == null) {
			throw new IllegalArgumentException("'" + key + "' is not in lookup table '" + table + "'");
		}
		return value;
	}

	public boolean gtinValid(Object code) {
		return code != null && Gs1.isValidGtin(code.toString().strip());
	}

	/** A GTIN-8/12/13/14 as GTIN-14; an invalid one is an error naming the expected check digit. */
	public String gtin14(Object code) {
		if (code == null || code.toString().isBlank()) {
			return null;
		}
		String text = code.toString().strip();
		if (!Gs1.isValidGtin(text)) {
			int expected = text.length() > 1 ? Gs1.checkDigit(text.substring(0, text.length() - 1)) : -1;
			throw new IllegalArgumentException("'" + text + "' is not a valid GTIN"
					+ (expected >= 0 && Gs1.isGtinLength(text.length()) ? " (check digit should be " + expected + ")" : ""));
		}
		return Gs1.toGtin14(text);
	}

	/** Converts a quantity between units of one item, using its UOM conversions and pack sizes. */
	public BigDecimal uomConvert(Object quantity, String from, String to, String item) {
		BigDecimal value = number(quantity);
		if (value == null || from == null || to == null || from.equals(to)) {
			return value;
		}
		return uoms.convert(item, value, from, to);
	}
}
