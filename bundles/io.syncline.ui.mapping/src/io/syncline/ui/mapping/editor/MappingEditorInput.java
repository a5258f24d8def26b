package io.syncline.ui.mapping.editor;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * What the mapping editor opens: a local draft (a {@code .synmap} file, editable), or a published version read from
 * a runtime (its XMI, open to read only).
 */
public final class MappingEditorInput implements IEditorInput {

	private final Path draft;
	private final String name;
	private final int version;
	private final String runtime;
	private final byte[] published;

	private MappingEditorInput(Path draft, String name, int version, String runtime, byte[] published) {
		this.draft = draft;
		this.name = name;
		this.version = version;
		this.runtime = runtime;
		this.published = published;
	}

	public static MappingEditorInput draft(Path file) {
		String fileName = file.getFileName().toString();
		return new MappingEditorInput(file, fileName.replaceFirst("\\\\.synmap$", ""), 0, null, null);
	}

	public static MappingEditorInput published(String mapping, int version, String runtime, byte[] xmi) {
		return new MappingEditorInput(null, mapping, version, runtime, xmi.clone());
	}

	/** The draft's file; null for a published version. */
	public Path draft() {
		return draft;
	}

	public byte[] publishedXmi() {
		return published == null ? null : published.clone();
	}

	public String mappingName() {
		return name;
	}

	@Override
	public boolean exists() {
		return false;
	}

	@Override
	public ImageDescriptor getImageDescriptor() {
		return ImageDescriptor.getMissingImageDescriptor();
	}

	@Override
	public String getName() {
		return draft != null ? name : name + " v" + version + " (read-only)";
	}

	@Override
	public IPersistableElement getPersistable() {
		return null;
	}

	@Override
	public String getToolTipText() {
		return draft != null ? draft.toString() : name + " v" + version + " as published in " + runtime;
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MappingEditorInput that && Objects.equals(draft, that.draft) && name.equals(that.name)
				&& version == that.version && Objects.equals(runtime, that.runtime)
				&& Arrays.equals(published, that.published);
	}

	@Override
	public int hashCode() {
		return Objects.hash(draft, name, version, runtime);
	}
}
