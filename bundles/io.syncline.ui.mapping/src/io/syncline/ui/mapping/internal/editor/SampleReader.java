package io.syncline.ui.mapping.internal.editor;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.swt.widgets.Control;

import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.infer.SchemaInference;
import io.syncline.mapping.MappingCompiler;
import io.syncline.mapping.SchemaTrees;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.MappingFactory;
import io.syncline.mapping.model.MappingPackage.Literals;
import io.syncline.mapping.model.SchemaNode;
import io.syncline.mapping.model.SourceFormatKind;
import io.syncline.mapping.model.SourceSettings;
import io.syncline.ui.internal.connections.UiJobs;
import io.syncline.ui.mapping.internal.MappingDocument;

/**
 * Reads a sample's structure in a Job and keeps it in the mapping as its source tree, with the format told by the
 * file's name where the mapping did not say it: one undoable change. Rules whose paths the new tree lacks stay as
 * they are, shown as unresolved.
 */
final class SampleReader {

	/** Records read to learn a sample's structure: enough to see optional and repeating fields. */
	static final int RECORDS = 500;

	private SampleReader() {
	}

	static void read(Control owner, MappingDocument document, Path file, Consumer<Command> execute,
			Consumer<String> say) {
		Mapping mapping = document.mapping();
		SourceOptions options = MappingCompiler.sourceOptionsOf(mapping);
		say.accept("Reading the structure of " + file.getFileName() + "…");
		boolean outbound = mapping.getDirection() == io.syncline.mapping.model.Direction.OUTBOUND;
		String list = mapping.getSource() == null ? null : mapping.getSource().getRecordPath();
		UiJobs.run(owner, "Read the sample " + file.getFileName(), () -> {
			if (outbound) {
				return canonical(document, file, list, execute, say);
			}
			SchemaNode tree = SchemaTrees.of(SchemaInference.infer(file, options, RECORDS));
			return () -> {
				CompoundCommand change = new CompoundCommand("Use the sample " + file.getFileName());
				SourceFormat format = options.format() != null ? options.format()
						: SourceFormat.fromFileName(file.getFileName().toString());
				SourceSettings settings = mapping.getSource();
				if (settings == null) {
					settings = MappingFactory.eINSTANCE.createSourceSettings();
					change.append(SetCommand.create(document.domain(), mapping, Literals.MAPPING__SOURCE, settings));
				}
				if (!settings.eIsSet(Literals.SOURCE_SETTINGS__FORMAT) || mapping.getSource() == null) {
					change.append(SetCommand.create(document.domain(), settings, Literals.SOURCE_SETTINGS__FORMAT,
							SourceFormatKind.get(format.name())));
				}
				change.append(SetCommand.create(document.domain(), mapping, Literals.MAPPING__SOURCE_SCHEMA, tree));
				execute.accept(change);
				say.accept("Source tree read from " + file.getFileName());
			};
		}, say);
	}

	/**
	 * An outbound mapping's sample is a canonical document (a data set as the ERP hands it over): its source tree is
	 * the class of the list's objects, with the first one's values; the list is kept as the mapping's record path.
	 */
	private static Runnable canonical(MappingDocument document, Path file, String list, Consumer<Command> execute,
			Consumer<String> say) throws java.io.IOException {
		io.syncline.mapping.CanonicalDocuments.Sample sample = io.syncline.mapping.CanonicalDocuments.read(file, list,
				document.mapping());
		SchemaNode tree = SchemaTrees.ofCanonical(sample.className(), sample.objects().isEmpty() ? null
				: sample.objects().get(0));
		Mapping mapping = document.mapping();
		return () -> {
			CompoundCommand change = new CompoundCommand("Use the sample " + file.getFileName());
			SourceSettings settings = mapping.getSource();
			if (settings == null) {
				settings = MappingFactory.eINSTANCE.createSourceSettings();
				settings.setFormat(SourceFormatKind.CANONICAL);
				change.append(SetCommand.create(document.domain(), mapping, Literals.MAPPING__SOURCE, settings));
			}
			if (settings.getRecordPath() == null || settings.getRecordPath().isBlank()) {
				change.append(SetCommand.create(document.domain(), settings, Literals.SOURCE_SETTINGS__RECORD_PATH,
						sample.list()));
			}
			change.append(SetCommand.create(document.domain(), mapping, Literals.MAPPING__SOURCE_SCHEMA, tree));
			execute.accept(change);
			say.accept("Source tree: " + sample.className() + ", " + sample.objects().size() + " in "
					+ sample.list() + " of " + file.getFileName());
		};
	}
}
