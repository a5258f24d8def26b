package io.syncline.mapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Field-level differences between an expected and an actual JSON tree, one line per difference with its path
 * ({@code [2].cost.amount: expected 0.2150, got 0.2290}). Numbers compare by value, so 12.40 equals 12.4.
 */
public final class JsonDiff {

	private JsonDiff() {
	}

	public static List<String> diff(JsonNode expected, JsonNode actual) {
		List<String> differences = new ArrayList<>();
		compare("", expected, actual, differences);
		return differences;
	}

	private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
		if (expected == null || expected.isMissingNode()) {
			out.add(at(path) + ": unexpected " + actual);
			return;
		}
		if (actual == null || actual.isMissingNode()) {
			out.add(at(path) + ": missing, expected " + expected);
			return;
		}
		if (expected.isNumber() && actual.isNumber()) {
			if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
				out.add(at(path) + ": expected " + expected + ", got " + actual);
			}
			return;
		}
		if (expected.isObject() && actual.isObject()) {
			TreeSet<String> names = new TreeSet<>();
			expected.fieldNames().forEachRemaining(names::add);
			actual.fieldNames().forEachRemaining(names::add);
			for (String name : names) {
				compare(path + "." + name, expected.get(name), actual.get(name), out);
			}
			return;
		}
		if (expected.isArray() && actual.isArray()) {
			Iterator<JsonNode> e = expected.elements();
			Iterator<JsonNode> a = actual.elements();
			int index = 0;
			while (e.hasNext() || a.hasNext()) {
				compare(path + "[" + index++ + "]", e.hasNext() ? e.next() : null, a.hasNext() ? a.next() : null, out);
			}
			return;
		}
		if (!expected.equals(actual)) {
			out.add(at(path) + ": expected " + expected + ", got " + actual);
		}
	}

	private static String at(String path) {
		return path.isEmpty() ? "(document)" : path.startsWith(".") ? path.substring(1) : path;
	}
}
