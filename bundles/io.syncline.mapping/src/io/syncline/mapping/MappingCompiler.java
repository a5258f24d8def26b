package io.syncline.mapping;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.syncline.mapping.internal.Evaluable;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.fixed.FixedField;
import io.syncline.mapping.functions.MappingFunctions;
import io.syncline.mapping.internal.CompiledField;
import io.syncline.mapping.internal.CompiledLoop;
import io.syncline.mapping.internal.CompiledRule;
import io.syncline.mapping.internal.SourcePath;
import io.syncline.mapping.internal.TargetPath;
import io.syncline.mapping.internal.Expressions;
import io.syncline.mapping.internal.ValueCoercion;
import io.syncline.mapping.model.Direction;
import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.FixedFieldDef;
import io.syncline.mapping.model.LookupEntry;
import io.syncline.mapping.model.LookupTable;
import io.syncline.mapping.model.LoopRule;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.Rule;
import io.syncline.mapping.model.SourceFormatKind;
import io.syncline.mapping.model.SourceSettings;
import io.syncline.model.canonical.CanonicalPackage;

/**
 * Compiles a mapping version once: checks every target path against the canonical class, parses every expression
 * and condition, and reports all problems together, each naming its rule.
 */
public final class MappingCompiler {

	private MappingCompiler() {
	}

	public static CompiledMapping compile(Mapping mapping, MappingEnvironment environment)
			throws MappingCompileException {
		List<MappingProblem> problems = new ArrayList<>();
		CompiledMapping compiled = compile(mapping, environment, problems);
		if (!problems.isEmpty()) {
			throw new MappingCompileException(mapping.getName(), problems);
		}
		return compiled;
	}

	/**
	 * What {@link #compile} refuses, each problem located at its rule, without throwing: what the editor marks as
	 * the analyst types. Empty when the mapping compiles.
	 */
	public static List<MappingProblem> problems(Mapping mapping, MappingEnvironment environment) {
		List<MappingProblem> problems = new ArrayList<>();
		compile(mapping, environment, problems);
		return problems;
	}

	/**
	 * What is wrong with one expression as typed (it does not parse, or calls a function there is not), or null:
	 * what the editor marks as the analyst types. The parser's message gives the column where it can.
	 */
	public static String expressionProblem(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			SYNTAX.compile(text);
		} catch (IllegalArgumentException e) {
			return e.getMessage();
		}
		java.util.Set<String> unknown = io.syncline.mapping.functions.FunctionCatalog.unknownCalls(text);
		return unknown.isEmpty() ? null : "unknown function fn:" + String.join(", fn:", unknown);
	}

	/** Parses expressions for {@link #expressionProblem}; the functions' settings do not change what parses. */
	private static final Expressions SYNTAX = new Expressions(
			new MappingFunctions(Locale.ROOT, Map.of(), io.syncline.mapping.functions.UomCatalog.empty()));

	private static CompiledMapping compile(Mapping mapping, MappingEnvironment environment,
			List<MappingProblem> problems) {
		Map<String, Map<String, String>> lookups = new HashMap<>(environment.lookups());
		for (LookupTable table : mapping.getLookups()) {
			Map<String, String> entries = new HashMap<>();
			for (LookupEntry entry : table.getEntries()) {
				entries.put(entry.getKey(), entry.getValue());
			}
			if (table.getDefaultValue() != null) {
				entries.put(io.syncline.mapping.functions.LookupTables.DEFAULT_KEY, table.getDefaultValue());
			}
			lookups.put(table.getName(), entries);
		}
		SourceSettings source = mapping.getSource();
		Locale locale = source == null || source.getNumberLocale() == null || source.getNumberLocale().isBlank()
				? Locale.ROOT : Locale.forLanguageTag(source.getNumberLocale());
		MappingFunctions functions = new MappingFunctions(locale, lookups, environment.uoms());
		Expressions expressions = new Expressions(functions);
		boolean inbound = mapping.getDirection() != Direction.OUTBOUND;
		EClass targetClass = null;
		if (inbound) {
			EClassifier classifier = CanonicalPackage.eINSTANCE.getEClassifier(mapping.getTargetType());
			if (classifier instanceof EClass type && !type.isAbstract()) {
				targetClass = type;
			} else {
				problems.add(MappingProblem.error("",
						"target type '" + mapping.getTargetType() + "' is not a canonical entity"));
			}
		}
		Evaluable filter = expression(expressions, mapping.getFilter(), "", "filter", problems);
		ValueCoercion coercion = new ValueCoercion(functions);
		List<CompiledRule> rules = compileRules(mapping.getRules(), targetClass, inbound, expressions, coercion, problems,
				"");
		if (!problems.isEmpty()) {
			return null;
		}
		int version = mapping.getVersion() == null ? 0 : mapping.getVersion().getNumber();
		return new CompiledMapping(mapping.getName(), version, inbound ? sourceOptions(source, locale) : null,
				targetClass, mapping.getTargetType(), filter, rules, coercion,
				environment.references());
	}

	private static List<CompiledRule> compileRules(List<Rule> rules, EClass owner, boolean inbound,
			Expressions expressions, ValueCoercion coercion, List<MappingProblem> problems, String prefix) {
		List<CompiledRule> compiled = new ArrayList<>();
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			String at = prefix + (i + 1);
			String label = "rule " + at + " (" + rule.getTarget() + ")";
			EClass elementType = null;
			TargetPath target = TargetPath.ofNodes(rule.getTarget());
			if (inbound && owner != null) {
				try {
					target = TargetPath.ofFeatures(owner, rule.getTarget(), coercion);
					EStructuralFeature feature = target.last();
					if (rule instanceof LoopRule) {
						if (!(feature instanceof EReference reference) || !reference.isContainment() || !reference.isMany()) {
							problems.add(MappingProblem.error(at,
									label + ": a loop needs a list of contained objects, such as lines"));
							continue;
						}
						elementType = reference.getEReferenceType();
					}
				} catch (IllegalArgumentException e) {
					problems.add(MappingProblem.error(at, label + ": " + e.getMessage()));
					continue;
				}
			}
			Evaluable condition = expression(expressions, rule.getCondition(), at, label + " condition", problems);
			if (rule instanceof FieldRule field) {
				Evaluable expression = expression(expressions, field.getExpression(), at, label, problems);
				boolean noExpression = field.getExpression() == null || field.getExpression().isBlank();
				if (field.getSources().isEmpty() && noExpression && field.getDefaultValue() == null) {
					problems.add(MappingProblem.error(at, label + ": needs a source, an expression or a default"));
				}
				SourcePath[] sources = new SourcePath[field.getSources().size()];
				for (int s = 0; s < sources.length; s++) {
					try {
						sources[s] = SourcePath.of(field.getSources().get(s));
					} catch (IllegalArgumentException e) {
						problems.add(MappingProblem.error(at, label + ": source " + e.getMessage()));
					}
				}
				compiled.add(new CompiledField(label, target, sources, expression, condition, field.getDefaultValue(),
						field.isRequired()));
			} else if (rule instanceof LoopRule loop) {
				List<CompiledRule> nested = compileRules(loop.getRules(), elementType, inbound, expressions, coercion, problems,
						prefix + (i + 1) + ".");
				compiled.add(new CompiledLoop(label, target, loop.getSource(), condition, nested));
			}
		}
		return compiled;
	}

	private static Evaluable expression(Expressions expressions, String text, String at, String label,
			List<MappingProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return expressions.compile(text);
		} catch (IllegalArgumentException e) {
			problems.add(MappingProblem.error(at, label + ": " + e.getMessage()));
			return null;
		}
	}

	/** How a mapping reads its source, as its settings say (the editor reads a sample with these). */
	public static SourceOptions sourceOptionsOf(Mapping mapping) {
		SourceSettings source = mapping.getSource();
		Locale locale = source == null || source.getNumberLocale() == null || source.getNumberLocale().isBlank()
				? Locale.ROOT : Locale.forLanguageTag(source.getNumberLocale());
		return sourceOptions(source, locale);
	}

	private static SourceOptions sourceOptions(SourceSettings settings, Locale locale) {
		SourceOptions options = SourceOptions.defaults().withNumberLocale(locale);
		if (settings == null) {
			return options;
		}
		if (settings.getFormat() != null && settings.getFormat() != SourceFormatKind.CANONICAL) {
			options = options.withFormat(SourceFormat.valueOf(settings.getFormat().getName()));
		}
		if (settings.getRecordPath() != null && !settings.getRecordPath().isBlank()) {
			options = options.withRecordPath(settings.getRecordPath());
		}
		if (settings.getDelimiter() != null && !settings.getDelimiter().isEmpty()) {
			String delimiter = settings.getDelimiter();
			options = options.withDelimiter("\\t".equals(delimiter) ? '\t' : delimiter.charAt(0));
		}
		if (settings.getHeader() != null) {
			options = options.withHeader(settings.getHeader());
		}
		if (settings.getCharset() != null && !settings.getCharset().isBlank()) {
			options = new SourceOptions(options.format(), options.recordPath(), Charset.forName(settings.getCharset()),
					options.delimiter(), options.header(), options.numberLocale(), options.maxFieldChars(),
					options.fixedLayout());
		}
		if (!settings.getFixedFields().isEmpty()) {
			List<FixedField> layout = new ArrayList<>();
			for (FixedFieldDef field : settings.getFixedFields()) {
				layout.add(new FixedField(field.getName(), field.getStart(), field.getWidth()));
			}
			options = options.withFixedLayout(layout);
		}
		return options;
	}
}
