package io.syncline.engine;

/**
 * How an exception names one line of a document: {@code 855 line item 3}, {@code SO-1042 line item 2}. Not
 * {@code 855 line 3}, which a reader (and the console's payload locator) takes for the file's third line: the
 * console finds a line item by its own loop (the {@code PO1} or {@code IT1} whose first element is the number).
 */
public final class LineItems {

	private LineItems() {
	}

	public static String location(String document, int lineNumber) {
		return document + " line item " + lineNumber;
	}
}
