package io.syncline.ui.mapping.internal.wizard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.common.util.URI;

import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.infer.SchemaInference;
import io.syncline.mapping.MappingResources;
import io.syncline.mapping.SchemaTrees;
import io.syncline.mapping.model.Direction;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.MappingFactory;
import io.syncline.mapping.model.MappingStatus;
import io.syncline.mapping.model.SourceFormatKind;
import io.syncline.mapping.model.SourceSettings;
import io.syncline.mapping.model.VersionInfo;
import io.syncline.ui.mapping.internal.MappingDrafts;

/**
 * What the new-mapping wizard asks, and the draft it makes: a mapping of a partner's document, one way, to a target,
 * with the source tree read from a sample (the format told by its name), saved as a local draft.
 */
public record NewMapping(String name, String partnerId, Direction direction, String documentType, String target,
		Path sample, String recordPath, String numberLocale) {

	/** Records read from the sample to learn its structure. */
	static final int SAMPLE_RECORDS = 500;

	/**
	 * Where the records of an XML or JSON sample are when the whole file is one record holding a repeating group
	 * ({@code /PriceList/Article}), else null: what the wizard proposes. Reads the file.
	 */
	public static String suggestRecordPath(Path sample) throws IOException {
		SourceFormat format = SourceFormat.fromFileName(sample.getFileName().toString());
		if (format == SourceFormat.XML) {
			return repeatingXmlChild(sample);
		}
		if (format != SourceFormat.JSON) {
			return null;
		}
		io.syncline.formats.infer.SchemaField root;
		try {
			root = SchemaInference.infer(sample, SourceOptions.defaults().withFormat(format), 2);
		} catch (io.syncline.formats.FormatException | IllegalArgumentException unreadable) {
			return null;
		}
		for (io.syncline.formats.infer.SchemaField child : root.children()) {
			if (child.repeating() && !child.children().isEmpty()) {
				return child.name();
			}
		}
		return null;
	}

	/** The root's first child element that occurs twice, as {@code /Root/Child}; reads only the file's start. */
	private static String repeatingXmlChild(Path sample) throws IOException {
		javax.xml.stream.XMLInputFactory factory = javax.xml.stream.XMLInputFactory.newFactory();
		factory.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		try (java.io.InputStream in = java.nio.file.Files.newInputStream(sample)) {
			javax.xml.stream.XMLStreamReader xml = factory.createXMLStreamReader(in);
			String root = null;
			java.util.Set<String> seen = new java.util.HashSet<>();
			int depth = 0;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
					depth++;
					if (depth == 1) {
						root = xml.getLocalName();
					} else if (depth == 2 && !seen.add(xml.getLocalName())) {
						return "/" + root + "/" + xml.getLocalName();
					}
				} else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
					depth--;
				}
			}
			return null;
		} catch (javax.xml.stream.XMLStreamException unreadable) {
			return null;
		}
	}

	/** Reads the sample and writes the draft; returns its file. Not on the UI thread: it reads a file. */
	public Path create(MappingDrafts drafts, String author) throws IOException {
		Mapping mapping = MappingFactory.eINSTANCE.createMapping();
		mapping.setName(name);
		mapping.setPartnerId(partnerId == null || partnerId.isBlank() ? null : partnerId);
		mapping.setDirection(direction);
		mapping.setTargetType(target);
		mapping.setDescription((partnerId == null ? "" : partnerId + " ") + documentType + " "
				+ (direction == Direction.INBOUND ? "to " + target : "as " + target));
		VersionInfo version = MappingFactory.eINSTANCE.createVersionInfo();
		version.setNumber(1);
		version.setStatus(MappingStatus.DRAFT);
		version.setAuthor(author);
		version.setCreatedAt(LocalDate.now().toString());
		mapping.setVersion(version);
		SourceSettings source = MappingFactory.eINSTANCE.createSourceSettings();
		mapping.setSource(source);
		if (direction == Direction.OUTBOUND) {
			source.setFormat(SourceFormatKind.CANONICAL);
		} else if (sample != null) {
			SourceFormat format = SourceFormat.fromFileName(sample.getFileName().toString());
			if (format == null) {
				throw new IOException("cannot tell the format of " + sample.getFileName()
						+ " from its name (.csv, .json, .jsonl, .xml, .edi, .txt)");
			}
			source.setFormat(SourceFormatKind.get(format.name()));
			if (numberLocale != null && !numberLocale.isBlank()) {
				source.setNumberLocale(numberLocale);
			}
			SourceOptions options = SourceOptions.defaults().withFormat(format);
			if (recordPath != null && !recordPath.isBlank()) {
				source.setRecordPath(recordPath);
				options = options.withRecordPath(recordPath);
			}
			try {
				mapping.setSourceSchema(SchemaTrees.of(SchemaInference.infer(sample, options, SAMPLE_RECORDS)));
			} catch (io.syncline.formats.FormatException unreadable) {
				throw new IOException(sample.getFileName() + " cannot be read as " + format + ": "
						+ unreadable.problem().describe(), unreadable);
			}
		}
		Resource resource = MappingResources.resourceSet().createResource(URI.createURI("memory:/" + name));
		resource.getContents().add(mapping);
		ByteArrayOutputStream xmi = new ByteArrayOutputStream();
		resource.save(xmi, Map.of(XMLResource.OPTION_ENCODING, "UTF-8"));
		return drafts.add(name, xmi.toByteArray());
	}
}
