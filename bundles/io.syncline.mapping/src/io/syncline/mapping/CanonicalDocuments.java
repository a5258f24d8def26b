package io.syncline.mapping;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Canonical documents as the ERP hands them over (a data set XMI): the objects an outbound mapping writes, read
 * from one of the set's lists. What the CLI's {@code map} and the editor's outbound preview both read.
 */
public final class CanonicalDocuments {

	private CanonicalDocuments() {
	}

	/** The objects of a list of a data set, the list's name and their class. */
	public record Sample(String list, String className, List<org.eclipse.emf.ecore.EObject> objects) {
	}

	/**
	 * Reads a canonical XMI sample (a data set as the ERP hands it over): the objects of its list {@code select}, or,
	 * when {@code select} is blank, of the list whose class has most of the fields the mapping's rules read (a data
	 * set holds the suppliers and items a purchase order names besides the order). Refused, with the file's name, if
	 * there is none.
	 */
	public static Sample read(Path file, String select, io.syncline.mapping.model.Mapping mapping)
			throws IOException {
		org.eclipse.emf.ecore.resource.Resource resource;
		try {
			resource = MappingResources.resourceSet().getResource(
					org.eclipse.emf.common.util.URI.createFileURI(file.toAbsolutePath().toString()), true);
		} catch (RuntimeException unreadable) {
			throw new IOException(file.getFileName() + " is not a readable canonical document: "
					+ unreadable.getMessage(), unreadable);
		}
		if (resource.getContents().isEmpty()) {
			throw new IOException(file.getFileName() + " holds nothing");
		}
		org.eclipse.emf.ecore.EObject root = resource.getContents().get(0);
		org.eclipse.emf.ecore.EReference best = null;
		int bestScore = -1;
		for (org.eclipse.emf.ecore.EReference list : root.eClass().getEAllContainments()) {
			if (!list.isMany()) {
				continue;
			}
			if (select != null && !select.isBlank()) {
				if (list.getName().equals(select)) {
					best = list;
					break;
				}
				continue;
			}
			if (((List<?>) root.eGet(list)).isEmpty()) {
				continue;
			}
			int score = readable(list.getEReferenceType(), mapping);
			if (score > bestScore) {
				best = list;
				bestScore = score;
			}
		}
		if (best != null) {
			List<org.eclipse.emf.ecore.EObject> objects = new ArrayList<>();
			for (Object element : (List<?>) root.eGet(best)) {
				objects.add((org.eclipse.emf.ecore.EObject) element);
			}
			return new Sample(best.getName(), best.getEReferenceType().getName(), objects);
		}
		throw new IOException(file.getFileName() + " has no list " + (select == null || select.isBlank()
				? "with objects in it" : "'" + select + "'") + " (" + root.eClass().getName() + ")");
	}

	/** How many of the top-level rules' sources start with a feature of the class. */
	private static int readable(org.eclipse.emf.ecore.EClass type, io.syncline.mapping.model.Mapping mapping) {
		int score = 0;
		for (io.syncline.mapping.model.Rule rule : mapping == null ? List.<io.syncline.mapping.model.Rule>of()
				: mapping.getRules()) {
			List<String> sources = rule instanceof io.syncline.mapping.model.FieldRule field ? field.getSources()
					: List.of(String.valueOf(((io.syncline.mapping.model.LoopRule) rule).getSource()));
			for (String source : sources) {
				if (type.getEStructuralFeature(source.split("/")[0]) != null) {
					score++;
				}
			}
		}
		return score;
	}
}
