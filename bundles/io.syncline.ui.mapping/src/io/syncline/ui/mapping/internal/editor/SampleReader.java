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
		UiJobs.run(owner, "Read the sample " + file.getFileName(), () -> {
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
}
