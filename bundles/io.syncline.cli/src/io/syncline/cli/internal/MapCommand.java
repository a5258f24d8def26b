package io.syncline.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.syncline.formats.Node;
import io.syncline.formats.x12.FileControlNumbers;
import io.syncline.formats.x12.PartnerProfile;
import io.syncline.formats.x12.X12Schemas;
import io.syncline.formats.x12.X12Writer;
import io.syncline.mapping.CanonicalJson;
import io.syncline.mapping.CompiledMapping;
import io.syncline.mapping.MapOutcome;
import io.syncline.mapping.MappingCompiler;
import io.syncline.mapping.MappingEnvironment;
import io.syncline.mapping.MappingResources;
import io.syncline.mapping.MappingRunner;
import io.syncline.runtime.cli.CommandContext;
import io.syncline.runtime.cli.RuntimeCommand;

/**
 * {@code map --mapping M.synmap --input FILE [--output OUT]}. Inbound: the canonical records and the located
 * problems as JSON. Outbound: canonical objects of an XMI file (chosen with {@code --select}) as X12 with the
 * envelope of {@code --profile}; control numbers are kept in the data directory.
 */
@Component(service = RuntimeCommand.class)
public final class MapCommand implements RuntimeCommand {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	@Override
	public String name() {
		return "map";
	}

	@Override
	public String summary() {
		return "map --mapping M.synmap --input FILE [--output OUT] [--select F --profile ZZ:ME>ZZ:YOU]: run a mapping";
	}

	@Override
	public int run(List<String> args, CommandContext context, PrintStream out, PrintStream err) throws Exception {
		Options options = Options.parse(args, Set.of("mapping", "input", "output", "select", "profile"), Set.of());
		CompiledMapping mapping = MappingCompiler.compile(MappingResources.load(Path.of(options.require("mapping"))),
				MappingEnvironment.offline());
		Path input = Path.of(options.require("input"));
		byte[] result;
		int exit;
		if (mapping.isInbound()) {
			ObjectNode document = JSON.createObjectNode();
			ArrayNode records = document.putArray("records");
			ArrayNode problems = document.putArray("problems");
			MappingRunner.Summary summary = MappingRunner.run(mapping, input, outcome -> {
				if (outcome.output() instanceof EObject object) {
					records.add(CanonicalJson.toJson(object));
				}
				outcome.problems().forEach(p -> problems.add(p.describe()));
			});
			result = JSON.writeValueAsBytes(document);
			err.println(mapping + ": " + summary.mapped() + " mapped, " + summary.failed() + " failed, "
					+ summary.filtered() + " filtered of " + summary.records() + " records");
			exit = summary.failed() == 0 ? OK : FAILED;
		} else {
			List<String> problems = new ArrayList<>();
			result = outbound(mapping, input, options, context, problems);
			problems.forEach(err::println);
			exit = problems.isEmpty() ? OK : FAILED;
		}
		if (options.has("output")) {
			Files.write(Path.of(options.get("output")), result);
		} else {
			out.write(result);
			out.println();
		}
		return exit;
	}

	private static byte[] outbound(CompiledMapping mapping, Path input, Options options, CommandContext context,
			List<String> problems) throws IOException {
		Resource resource = MappingResources.resourceSet()
				.getResource(URI.createFileURI(input.toAbsolutePath().toString()), true);
		EObject root = resource.getContents().get(0);
		String select = options.require("select");
		EStructuralFeature feature = root.eClass().getEStructuralFeature(select);
		if (feature == null || !feature.isMany()) {
			throw new IllegalArgumentException(root.eClass().getName() + " has no list '" + select + "'");
		}
		List<Node> documents = new ArrayList<>();
		for (Object source : (List<?>) root.eGet(feature)) {
			MapOutcome outcome = MappingRunner.mapOutbound(mapping, (EObject) source, input.getFileName().toString());
			if (outcome.output() instanceof Node document) {
				documents.add(document);
			}
			outcome.problems().forEach(p -> problems.add(p.severity() + " " + p.describe()));
		}
		if (!problems.isEmpty()) {
			return new byte[0];
		}
		PartnerProfile profile = PartnerProfile.parse(partnerOf(mapping, options), options.require("profile"));
		OutputStream buffer = new ByteArrayOutputStream();
		new X12Writer(profile, new FileControlNumbers(context.dataDirectory().resolve("control-numbers")))
				.write(X12Schemas.functionalId(mapping.targetType()), documents, LocalDateTime.now(ZoneOffset.UTC), buffer);
		return ((ByteArrayOutputStream) buffer).toByteArray();
	}

	private static String partnerOf(CompiledMapping mapping, Options options) {
		String[] receiver = options.require("profile").split(">");
		return receiver[receiver.length - 1].replaceAll(".*:", "").toLowerCase();
	}
}
