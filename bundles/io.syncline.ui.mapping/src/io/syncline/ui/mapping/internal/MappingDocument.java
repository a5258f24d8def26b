package io.syncline.ui.mapping.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.xmi.XMLResource;

import io.syncline.mapping.MappingResources;
import io.syncline.mapping.model.Mapping;

/**
 * A {@code .synmap} file open for editing: its mapping in an EMF editing domain, every change a command on its
 * stack (undo, redo), dirty until saved. Saving writes the XMI aside and renames it into place, so a crash leaves
 * the old file or the new one, never half of one; the XMI is the form the runtime publishes, and saving what was
 * opened unchanged gives the same bytes (a file this editor saved; a hand-written one once normalized).
 */
public final class MappingDocument {

	private static final Map<String, Object> SAVE = Map.of(XMLResource.OPTION_ENCODING, "UTF-8");

	private final Path file;
	private final Mapping mapping;
	private final BasicCommandStack commands = new BasicCommandStack();
	private final AdapterFactoryEditingDomain domain;

	private MappingDocument(Path file, Mapping mapping) {
		this.file = file;
		this.mapping = mapping;
		ComposedAdapterFactory adapters = new ComposedAdapterFactory(
				ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
		adapters.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
		this.domain = new AdapterFactoryEditingDomain(adapters, commands, mapping.eResource().getResourceSet());
	}

	/** Opens a draft; an unreadable file is refused with its name and why. */
	public static MappingDocument open(Path file) throws IOException {
		return new MappingDocument(file, MappingResources.load(file));
	}

	/**
	 * A published version, open to read: it has no file, and {@link #save()} refuses (open it as a draft to
	 * change it).
	 */
	public static MappingDocument readOnly(String name, byte[] xmi) throws IOException {
		return new MappingDocument(null, MappingResources.load(xmi, name));
	}

	public boolean isReadOnly() {
		return file == null;
	}

	/** The draft's file; null for a published version open to read. */
	public Path file() {
		return file;
	}

	public Mapping mapping() {
		return mapping;
	}

	public EditingDomain domain() {
		return domain;
	}

	public CommandStack commands() {
		return commands;
	}

	/** Runs a change as a command that can be undone; refused if it cannot run (it would change nothing right). */
	public void execute(Command change) {
		if (!change.canExecute()) {
			throw new IllegalArgumentException("cannot " + change.getLabel() + ": " + change.getDescription());
		}
		commands.execute(change);
	}

	/** Whether there are changes since it was opened or last saved (an undo back to there is clean again). */
	public boolean isDirty() {
		return commands.isSaveNeeded();
	}

	/** The XMI as it would be saved now. */
	public byte[] serialize() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Resource resource = mapping.eResource();
		resource.save(out, SAVE);
		return out.toByteArray();
	}

	/** Writes the XMI aside, then renames it over the file; clean from then on. */
	public void save() throws IOException {
		if (file == null) {
			throw new IOException(mapping.getName() + " is a published version, open to read: open it as a draft to change it");
		}
		byte[] xmi = serialize();
		Path aside = file.resolveSibling("." + file.getFileName() + ".saving");
		Files.write(aside, xmi);
		Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		commands.saveIsDone();
	}
}
