package io.syncline.model.validation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import io.syncline.model.canonical.AcknowledgmentStatus;
import io.syncline.model.canonical.CanonicalPackage;
import io.syncline.model.canonical.Invoice;
import io.syncline.model.canonical.InvoiceLine;
import io.syncline.model.canonical.LineAcknowledgment;
import io.syncline.model.canonical.Money;
import io.syncline.model.canonical.PartnerIdentity;
import io.syncline.model.canonical.Quantity;
import io.syncline.model.canonical.ShipmentPackage;
import io.syncline.model.canonical.UomConversion;
import io.syncline.model.canonical.util.CanonicalValidator;
import io.syncline.model.gs1.Gs1;

/**
 * The rules behind the constraints declared in canonical.ecore. The generated {@link CanonicalValidator} delegates
 * here so the rules stay in plain, testable code. Each problem becomes an ERROR diagnostic whose message names the
 * object (by its business key) and the feature, and whose data is {@code [object, feature]} so a UI can point at it.
 */
public final class CanonicalConstraints {

	public static final String REQUIRED_KEYS = "RequiredKeys";
	public static final String NON_NEGATIVE = "NonNegative";
	public static final String VALID_GTIN = "ValidGtin";
	public static final String VALID_CURRENCY = "ValidCurrency";

	private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
			.map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

	private static final Map<String, Rule> RULES = Map.ofEntries(
			Map.entry(REQUIRED_KEYS, CanonicalConstraints::requiredKeys),
			Map.entry(NON_NEGATIVE, CanonicalConstraints::nonNegative),
			Map.entry(VALID_GTIN, CanonicalConstraints::validGtin),
			Map.entry(VALID_CURRENCY, CanonicalConstraints::validCurrency),
			Map.entry("AmountRequired", CanonicalConstraints::amountRequired),
			Map.entry("UomRequired", CanonicalConstraints::uomRequired),
			Map.entry("IsaIdLength", CanonicalConstraints::isaIdLength),
			Map.entry("PositiveFactor", CanonicalConstraints::positiveFactor),
			Map.entry("HasLines", CanonicalConstraints::hasLines),
			Map.entry("UniqueLineNumbers", CanonicalConstraints::uniqueLineNumbers),
			Map.entry("PriceChangeHasPrice", CanonicalConstraints::priceChangeHasPrice),
			Map.entry("BackorderHasDate", CanonicalConstraints::backorderHasDate),
			Map.entry("ValidSscc", CanonicalConstraints::validSscc),
			Map.entry("TotalMatchesLines", CanonicalConstraints::totalMatchesLines));

	private static final List<String> CODES = RULES.keySet().stream().sorted().toList();

	@FunctionalInterface
	private interface Rule {
		void apply(EObject target, BiConsumer<EStructuralFeature, String> problems);
	}

	private CanonicalConstraints() {
	}

	/** Diagnostic code of a constraint, stable for one model version. */
	public static int codeOf(String constraint) {
		return CODES.indexOf(constraint) + 1;
	}

	public static boolean check(String constraint, EObject target, DiagnosticChain diagnostics,
			Map<Object, Object> context) {
		Rule rule = RULES.get(constraint);
		if (rule == null) {
			throw new IllegalArgumentException("no rule for constraint " + constraint);
		}
		boolean[] ok = { true };
		rule.apply(target, (feature, message) -> {
			ok[0] = false;
			if (diagnostics != null) {
				Object[] data = feature == null ? new Object[] { target } : new Object[] { target, feature };
				diagnostics.add(new BasicDiagnostic(Diagnostic.ERROR, CanonicalValidator.DIAGNOSTIC_SOURCE,
						codeOf(constraint), ObjectLabels.of(target) + ": " + message, data));
			}
		});
		return ok[0];
	}

	private static void requiredKeys(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		for (EStructuralFeature feature : target.eClass().getEAllStructuralFeatures()) {
			if (feature.getLowerBound() < 1) {
				continue;
			}
			Object value = target.eGet(feature);
			boolean missing = value == null || value instanceof String s && s.isBlank()
					|| value instanceof Collection<?> c && c.isEmpty();
			if (missing) {
				problems.accept(feature, feature.getName() + " is required");
			}
		}
	}

	private static void nonNegative(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		for (EAttribute attribute : target.eClass().getEAllAttributes()) {
			Object value = target.eGet(attribute);
			if (value instanceof BigDecimal d && d.signum() < 0 || value instanceof Integer i && i < 0) {
				problems.accept(attribute, attribute.getName() + " must not be negative, but is " + value);
			}
		}
		// Prices and costs held by this object are amounts too: a negative cost is never right.
		for (EReference reference : target.eClass().getEAllContainments()) {
			if (!reference.isMany() && target.eGet(reference) instanceof Money money && money.getAmount() != null
					&& money.getAmount().signum() < 0) {
				problems.accept(reference, reference.getName() + " must not be negative, but is " + money.getAmount());
			}
		}
	}

	private static void validGtin(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		EStructuralFeature feature = target.eClass().getEStructuralFeature("gtin");
		Object gtin = feature == null ? null : target.eGet(feature);
		if (!(gtin instanceof String code) || code.isEmpty()) {
			return;
		}
		if (!code.chars().allMatch(Character::isDigit) || !Gs1.isGtinLength(code.length())) {
			problems.accept(feature, "gtin '" + code + "' must be 8, 12, 13 or 14 digits");
		} else if (!Gs1.hasValidCheckDigit(code)) {
			problems.accept(feature, "gtin '" + code + "' has a wrong check digit (expected "
					+ Gs1.checkDigit(code.substring(0, code.length() - 1)) + ")");
		}
	}

	private static void validCurrency(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		String currency = ((Money) target).getCurrency();
		if (currency != null && !CURRENCIES.contains(currency)) {
			problems.accept(CanonicalPackage.Literals.MONEY__CURRENCY,
					"currency '" + currency + "' is not an ISO 4217 code");
		}
	}

	private static void amountRequired(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		if (((Money) target).getAmount() == null) {
			problems.accept(CanonicalPackage.Literals.MONEY__AMOUNT, "amount is required");
		}
	}

	private static void uomRequired(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		String uom = ((Quantity) target).getUom();
		if (uom == null || uom.isBlank()) {
			problems.accept(CanonicalPackage.Literals.QUANTITY__UOM, "uom is required");
		}
	}

	private static void isaIdLength(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		PartnerIdentity identity = (PartnerIdentity) target;
		if (identity.getIsaId() != null && identity.getIsaId().length() > 15) {
			problems.accept(CanonicalPackage.Literals.PARTNER_IDENTITY__ISA_ID,
					"isaId '" + identity.getIsaId() + "' is longer than the 15 characters of ISA06/ISA08");
		}
		if (identity.getIsaQualifier() != null && identity.getIsaQualifier().length() != 2) {
			problems.accept(CanonicalPackage.Literals.PARTNER_IDENTITY__ISA_QUALIFIER,
					"isaQualifier '" + identity.getIsaQualifier() + "' must be 2 characters");
		}
	}

	private static void positiveFactor(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		BigDecimal factor = ((UomConversion) target).getFactor();
		if (factor != null && factor.signum() <= 0) {
			problems.accept(CanonicalPackage.Literals.UOM_CONVERSION__FACTOR,
					"factor must be greater than 0, but is " + factor);
		}
	}

	private static void hasLines(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		EStructuralFeature lines = target.eClass().getEStructuralFeature("lines");
		if (((Collection<?>) target.eGet(lines)).isEmpty()) {
			problems.accept(lines, "has no lines");
		}
	}

	private static void uniqueLineNumbers(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		EStructuralFeature lines = target.eClass().getEStructuralFeature("lines");
		Set<Object> seen = new HashSet<>();
		for (Object line : (Collection<?>) target.eGet(lines)) {
			EObject lineObject = (EObject) line;
			Object number = lineObject.eGet(lineObject.eClass().getEStructuralFeature("lineNumber"));
			if (!seen.add(number)) {
				problems.accept(lines, "line number " + number + " occurs more than once");
			}
		}
	}

	private static void priceChangeHasPrice(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		LineAcknowledgment ack = (LineAcknowledgment) target;
		if (ack.getStatus() == AcknowledgmentStatus.PRICE_CHANGED && ack.getUnitPrice() == null) {
			problems.accept(CanonicalPackage.Literals.LINE_ACKNOWLEDGMENT__UNIT_PRICE,
					"a price change needs the new unitPrice");
		}
	}

	private static void backorderHasDate(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		LineAcknowledgment ack = (LineAcknowledgment) target;
		if (ack.getStatus() == AcknowledgmentStatus.BACKORDERED && ack.getScheduledDate() == null) {
			problems.accept(CanonicalPackage.Literals.LINE_ACKNOWLEDGMENT__SCHEDULED_DATE,
					"a backorder needs the scheduledDate when stock is expected");
		}
	}

	private static void validSscc(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		String sscc = ((ShipmentPackage) target).getSscc();
		if (sscc != null && !sscc.isEmpty() && !Gs1.isValidSscc(sscc)) {
			problems.accept(CanonicalPackage.Literals.SHIPMENT_PACKAGE__SSCC,
					"sscc '" + sscc + "' is not 18 digits with a valid check digit");
		}
	}

	private static void totalMatchesLines(EObject target, BiConsumer<EStructuralFeature, String> problems) {
		Invoice invoice = (Invoice) target;
		if (invoice.getTotalAmount() == null || invoice.getTotalAmount().getAmount() == null) {
			return;
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (InvoiceLine line : invoice.getLines()) {
			if (line.getQuantity() == null || line.getQuantity().getValue() == null || line.getUnitPrice() == null
					|| line.getUnitPrice().getAmount() == null) {
				return; // RequiredKeys reports the missing parts; a sum over them would only add noise
			}
			sum = sum.add(line.getQuantity().getValue().multiply(line.getUnitPrice().getAmount()));
		}
		if (sum.compareTo(invoice.getTotalAmount().getAmount()) != 0) {
			problems.accept(CanonicalPackage.Literals.INVOICE__TOTAL_AMOUNT, "totalAmount "
					+ invoice.getTotalAmount().getAmount() + " differs from the sum of the lines " + sum);
		}
	}
}
