package io.syncline.mapping;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.syncline.formats.Node;
import io.syncline.formats.Problem;
import io.syncline.formats.x12.ControlNumbers;
import io.syncline.formats.x12.PartnerProfile;
import io.syncline.formats.x12.X12Comparison;
import io.syncline.formats.x12.X12Schemas;
import io.syncline.formats.x12.X12Writer;

/**
 * Golden-file regression: each folder under the root is a case with {@code case.properties} (mapping, input, and
 * for outbound X12 the envelope profile and which canonical objects to send) and the expected output: {@code expected.json} (records and
 * problems) for inbound mappings, {@code expected.edi} for outbound ones, compared segment by segment without the
 * envelope's dates and control numbers. With {@code accept} a failing case's actual output becomes its expected one;
 * passing cases are left alone.
 */
public final class GoldenCases {

	/** Decimals read as written (0.2150 stays 0.2150), so differences quote the files faithfully. */
	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
	/** Outbound cases are written as of this moment, so their envelopes are stable. */
	private static final LocalDateTime GOLDEN_TIME = LocalDateTime.of(2026, 11, 20, 12, 0);

	public record CaseResult(String name, boolean passed, List<String> differences) {
	}

	private GoldenCases() {
	}

	public static List<CaseResult> run(Path root, boolean accept) throws IOException {
		List<Path> cases;
		try (Stream<Path> folders = Files.list(root)) {
			cases = folders.filter(p -> Files.isRegularFile(p.resolve("case.properties"))).sorted().toList();
		}
		if (cases.isEmpty()) {
			throw new IOException(root + " holds no golden cases (folders with case.properties)");
		}
		List<CaseResult> results = new ArrayList<>();
		for (Path folder : cases) {
			results.add(runCase(folder, accept));
		}
		return results;
	}

	private static CaseResult runCase(Path folder, boolean accept) throws IOException {
		String name = folder.getFileName().toString();
		Properties settings = new Properties();
		try (InputStream in = Files.newInputStream(folder.resolve("case.properties"))) {
			settings.load(in);
		}
		try {
			CompiledMapping mapping = MappingCompiler.compile(
					MappingResources.load(folder.resolve(required(settings, "mapping")).normalize()),
					MappingEnvironment.offline());
			Path input = folder.resolve(required(settings, "input")).normalize();
			return mapping.isInbound() ? inbound(name, folder, mapping, input, accept)
					: outbound(name, folder, mapping, input, settings, accept);
		} catch (MappingCompileException e) {
			return new CaseResult(name, false, e.problems());
		}
	}

	private static CaseResult inbound(String name, Path folder, CompiledMapping mapping, Path input, boolean accept)
			throws IOException {
		ObjectNode actual = JSON.createObjectNode();
		ArrayNode records = actual.putArray("records");
		ArrayNode problems = actual.putArray("problems");
		MappingRunner.run(mapping, input, outcome -> {
			if (outcome.output() instanceof EObject object) {
				records.add(CanonicalJson.toJson(object));
			}
			outcome.problems().forEach(p -> problems.add(p.describe()));
		});
		Path expectedFile = folder.resolve("expected.json");
		List<String> differences = Files.exists(expectedFile) ? JsonDiff.diff(JSON.readTree(expectedFile.toFile()), actual)
				: List.of("expected.json is missing (run with --accept to create it)");
		if (accept && !differences.isEmpty()) {
			JSON.writeValue(expectedFile.toFile(), actual);
			return new CaseResult(name, true, List.of("accepted: expected.json written"));
		}
		return new CaseResult(name, differences.isEmpty(), differences);
	}

	private static CaseResult outbound(String name, Path folder, CompiledMapping mapping, Path input,
			Properties settings, boolean accept) throws IOException {
		Resource resource = MappingResources.resourceSet().getResource(URI.createFileURI(input.toString()), true);
		EObject root = resource.getContents().get(0);
		EStructuralFeature selected = root.eClass().getEStructuralFeature(required(settings, "select"));
		List<Node> documents = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Object source : (List<?>) root.eGet(selected)) {
			MapOutcome outcome = MappingRunner.mapOutbound(mapping, (EObject) source, input.getFileName().toString());
			if (outcome.output() instanceof Node document) {
				documents.add(document);
			}
			outcome.problems().stream().map(Problem::describe).forEach(problems::add);
		}
		if (!problems.isEmpty()) {
			return new CaseResult(name, false, problems);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long[] counters = new long[3];
		ControlNumbers numbers = (partner, kind) -> ++counters[kind.ordinal()];
		new X12Writer(PartnerProfile.parse("golden", required(settings, "profile")), numbers)
				.write(X12Schemas.functionalId(mapping.targetType()), documents, GOLDEN_TIME, out);
		String actual = out.toString(StandardCharsets.US_ASCII);
		Path expectedFile = folder.resolve("expected.edi");
		List<String> differences = Files.exists(expectedFile)
				? X12Comparison.diff(Files.readString(expectedFile, StandardCharsets.US_ASCII), actual)
				: List.of("expected.edi is missing (run with --accept to create it)");
		if (accept && !differences.isEmpty()) {
			Files.writeString(expectedFile, actual, StandardCharsets.US_ASCII);
			return new CaseResult(name, true, List.of("accepted: expected.edi written"));
		}
		return new CaseResult(name, differences.isEmpty(), differences);
	}

	private static String required(Properties settings, String key) {
		String value = settings.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("case.properties has no '" + key + "'");
		}
		return value.strip();
	}
}
