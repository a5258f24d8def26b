package io.syncline.formats.x12;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.syncline.formats.x12.internal.TransactionGrammar;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;

/**
 * The X12 004010 transaction-set schemas shipped in {@code schemas/x12/}, loaded once each. They follow the
 * standard's segment order and loops for what Syncline's partners exchange, with the 856 HL hierarchy built as a
 * tree ({@code levelIdPosition}/{@code parentIdPosition}).
 */
public final class X12Schemas {

	public static final Set<String> SUPPORTED = Set.of("810", "832", "846", "850", "855", "856", "997");

	private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();
	private static final Map<String, Optional<TransactionGrammar>> GRAMMARS = new ConcurrentHashMap<>();

	private X12Schemas() {
	}

	/** The schema of a transaction set, or null if Syncline has none for it. */
	public static Schema transaction(String transactionSet) {
		if (!SUPPORTED.contains(transactionSet)) {
			return null;
		}
		return CACHE.computeIfAbsent(transactionSet, X12Schemas::load);
	}

	/**
	 * The schema of a transaction set compiled for Syncline's validator, or null if there is no schema or it needs
	 * StAEDI's validator.
	 */
	public static TransactionGrammar grammar(String transactionSet) {
		Schema schema = transaction(transactionSet);
		if (schema == null) {
			return null;
		}
		return GRAMMARS.computeIfAbsent(transactionSet, key -> Optional.ofNullable(TransactionGrammar.of(schema)))
				.orElse(null);
	}

	/** The GS01 functional identifier code of a transaction set: 850 → PO, 997 → FA. */
	public static String functionalId(String transactionSet) {
		return switch (transactionSet) {
		case "850" -> "PO";
		case "855" -> "PR";
		case "856" -> "SH";
		case "810" -> "IN";
		case "832" -> "SC";
		case "846" -> "IB";
		case "997" -> "FA";
		default -> throw new IllegalArgumentException("no functional group for transaction set " + transactionSet);
		};
	}

	/** StAEDI's envelope schema for an ISA version such as {@code 00401}. */
	public static Schema control(String interchangeVersion) {
		return CACHE.computeIfAbsent("ISA" + interchangeVersion, key -> {
			try {
				return SchemaFactory.newFactory().getControlSchema("X12", new String[] { interchangeVersion });
			} catch (EDISchemaException e) {
				throw new IllegalStateException("no X12 envelope schema for version " + interchangeVersion, e);
			}
		});
	}

	private static Schema load(String transactionSet) {
		URL url = X12Schemas.class.getResource("/schemas/x12/" + transactionSet + ".xml");
		if (url == null) {
			throw new IllegalStateException("schema for X12 " + transactionSet + " is missing from the bundle");
		}
		try {
			return SchemaFactory.newFactory().createSchema(url);
		} catch (EDISchemaException e) {
			throw new IllegalStateException("schema for X12 " + transactionSet + " is invalid: " + e.getMessage(), e);
		}
	}
}
