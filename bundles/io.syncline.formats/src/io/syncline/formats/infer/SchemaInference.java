package io.syncline.formats.infer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.x12.X12Schemas;
import io.xlate.edi.schema.EDIComplexType;
import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDISimpleType;
import io.xlate.edi.schema.EDIType;
import io.xlate.edi.schema.Schema;

/**
 * The structure of a source for the mapping editor's source tree. For CSV, JSON, XML and fixed-width it is learnt
 * from the records of a sample (up to a limit): types guessed from values, repeating groups from names that occur
 * more than once under one parent, optional fields from those some parents lack. For X12 it comes from the
 * transaction-set schema, with element titles, so fields absent from the sample show too.
 */
public final class SchemaInference {

	private SchemaInference() {
	}

	public static SchemaField infer(Path file, SourceOptions options, int maxRecords)
			throws IOException, FormatException {
		SourceFormat format = options.format() != null ? options.format()
				: SourceFormat.fromFileName(file.getFileName().toString());
		SourceOptions resolved = options.withFormat(format);
		try (RecordReader reader = Formats.open(file, resolved, ProblemSink.collecting())) {
			Node first = reader.next();
			if (first == null) {
				return new SchemaField("record");
			}
			if (format == SourceFormat.X12) {
				Schema schema = X12Schemas.transaction(first.name());
				if (schema == null) {
					throw new IllegalArgumentException("no schema for X12 transaction set " + first.name());
				}
				SchemaField tree = fromSchema(first.name(), schema.getStandard());
				sampleValues(first, tree); // the sample's values beside the schema's names
				return tree;
			}
			SchemaField root = new SchemaField(first.name());
			Map<SchemaField, Integer> occurrences = new HashMap<>();
			int records = 0;
			for (Node record = first; record != null && records < maxRecords; record = reader.next()) {
				observe(record, root, occurrences);
				records++;
			}
			return root;
		}
	}

	private static void observe(Node node, SchemaField field, Map<SchemaField, Integer> occurrences) {
		occurrences.merge(field, 1, Integer::sum);
		if (node.isLeaf()) {
			field.observeValue(node.value());
			return;
		}
		field.markGroup();
		if (node.value() != null) {
			field.observeText(node.value()); // an element with attributes and text: its path reads the text
		}
		Map<String, Integer> counts = new HashMap<>();
		for (Node child : node.children()) {
			counts.merge(child.name(), 1, Integer::sum);
		}
		Set<String> present = new HashSet<>(counts.keySet());
		boolean firstTime = occurrences.get(field) == 1;
		for (Node child : node.children()) {
			SchemaField childField = field.existingChild(child.name());
			if (childField == null) {
				childField = field.child(child.name());
				if (!firstTime) {
					childField.markOptional(); // earlier parents did not have it
				}
			}
			if (counts.get(child.name()) > 1) {
				childField.markRepeating();
			}
			observe(child, childField, occurrences);
		}
		for (SchemaField known : field.children()) {
			if (!present.contains(known.name())) {
				known.markOptional();
			}
		}
	}

	/** Puts the first value the sample has for each field beside it, where the schema has that field. */
	private static void sampleValues(Node node, SchemaField field) {
		for (Node child : node.children()) {
			SchemaField known = field.existingChild(child.name());
			if (known == null) {
				continue;
			}
			if (child.isLeaf()) {
				known.sampleIfNone(child.value());
			} else {
				sampleValues(child, known);
			}
		}
	}

	/**
	 * The tree of an X12 transaction set's schema ({@code 850}) without a sample: what an outbound mapping writes.
	 * Refused for a set the runtime has no schema of.
	 */
	public static SchemaField x12(String transactionSet) {
		Schema schema = X12Schemas.transaction(transactionSet);
		if (schema == null) {
			throw new IllegalArgumentException("no schema for X12 transaction set " + transactionSet);
		}
		return fromSchema(transactionSet, schema.getStandard());
	}

	private static SchemaField fromSchema(String name, EDIComplexType transaction) {
		SchemaField root = new SchemaField(name);
		root.describe(transaction.getTitle(), FieldType.GROUP, false, true);
		addReferences(root, transaction);
		return root;
	}

	private static void addReferences(SchemaField parent, EDIComplexType type) {
		int position = 0;
		for (EDIReference reference : type.getReferences()) {
			EDIType referenced = reference.getReferencedType();
			position++;
			boolean repeats = reference.getMaxOccurs() > 1;
			boolean mandatory = reference.getMinOccurs() > 0;
			switch (referenced.getType()) {
			case SEGMENT, LOOP -> {
				if ("ST".equals(referenced.getCode()) || "SE".equals(referenced.getCode())) {
					continue;
				}
				SchemaField child = parent.child(referenced.getCode());
				child.describe(referenced.getTitle(), FieldType.GROUP, repeats, mandatory);
				addReferences(child, (EDIComplexType) referenced);
			}
			case COMPOSITE -> {
				SchemaField child = parent.child(String.format("%s%02d", parent.name(), position));
				child.describe(referenced.getTitle(), FieldType.GROUP, repeats, mandatory);
			}
			case ELEMENT -> {
				EDISimpleType element = (EDISimpleType) referenced;
				SchemaField child = parent.child(String.format("%s%02d", parent.name(), position));
				child.describe(element.getTitle(), elementType(element), repeats, mandatory);
			}
			default -> {
				// envelope types do not occur inside a transaction
			}
			}
		}
	}

	private static FieldType elementType(EDISimpleType element) {
		return switch (element.getBase()) {
		case NUMERIC -> element.getScale() != null && element.getScale() > 0 ? FieldType.DECIMAL : FieldType.INTEGER;
		case DECIMAL -> FieldType.DECIMAL;
		case DATE -> FieldType.DATE;
		default -> FieldType.STRING;
		};
	}
}
