package io.syncline.ui.mapping.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.MappingFactory;
import io.syncline.mapping.model.MappingPackage;
import io.syncline.ui.mapping.internal.MappingDocument;

/** A draft open for editing: every change undoable and redoable, dirty until saved, saved aside then renamed. */
class MappingDocumentTest {

	@TempDir
	Path dir;

	private Path draft() throws Exception {
		return Files.copy(Path.of(System.getProperty("syncline.demo"), "mappings", "boltco-catalog.synmap"),
				dir.resolve("boltco-catalog.synmap"));
	}

	@Test
	void openingAndSavingUnchangedGivesTheSameBytes() throws Exception {
		Path file = draft();
		MappingDocument document = MappingDocument.open(file);
		assertFalse(document.isDirty());
		document.save();
		byte[] saved = Files.readAllBytes(file);
		MappingDocument again = MappingDocument.open(file);
		again.save();
		assertArrayEquals(saved, Files.readAllBytes(file), "what the editor saved, opened and saved unchanged");
		assertArrayEquals(saved, again.serialize());
		try (Stream<Path> left = Files.list(dir)) {
			assertEquals(1, left.count(), "nothing written aside is left");
		}
	}

	@Test
	void everyKindOfChangeIsUndoneAndRedone() throws Exception {
		MappingDocument document = MappingDocument.open(draft());
		var mapping = document.mapping();
		String description = mapping.getDescription();
		int rules = mapping.getRules().size();

		document.execute(SetCommand.create(document.domain(), mapping, MappingPackage.Literals.MAPPING__DESCRIPTION,
				"Bolt & Co catalog, as of 2027"));
		assertTrue(document.isDirty());
		FieldRule added = MappingFactory.eINSTANCE.createFieldRule();
		added.setTarget("description");
		added.getSources().add("item_description");
		document.execute(AddCommand.create(document.domain(), mapping, MappingPackage.Literals.MAPPING__RULES, added));
		var first = mapping.getRules().get(0);
		document.execute(RemoveCommand.create(document.domain(), mapping, MappingPackage.Literals.MAPPING__RULES,
				first));
		assertEquals(rules, mapping.getRules().size(), "one added, one removed");

		document.commands().undo();
		document.commands().undo();
		document.commands().undo();
		assertEquals(description, mapping.getDescription());
		assertEquals(rules, mapping.getRules().size());
		assertEquals(first, mapping.getRules().get(0), "the removed rule is back where it was");
		assertFalse(document.isDirty(), "undone to where it was opened: clean again");

		document.commands().redo();
		assertEquals("Bolt & Co catalog, as of 2027", mapping.getDescription());
		assertTrue(document.isDirty());
		FieldRule elsewhere = MappingFactory.eINSTANCE.createFieldRule();
		assertThrows(IllegalArgumentException.class, () -> document.execute(RemoveCommand.create(document.domain(),
				mapping, MappingPackage.Literals.MAPPING__RULES, elsewhere)), "a change that cannot run is refused");
		assertTrue(document.commands().canUndo() && document.isDirty(), "and changes nothing");
	}

	@Test
	void aSavedChangeIsThereWhenTheDraftIsOpenedAgain() throws Exception {
		Path file = draft();
		MappingDocument document = MappingDocument.open(file);
		document.execute(SetCommand.create(document.domain(), document.mapping(),
				MappingPackage.Literals.MAPPING__DESCRIPTION, "renamed"));
		document.save();
		assertFalse(document.isDirty());
		assertEquals("renamed", MappingDocument.open(file).mapping().getDescription());
		document.commands().undo();
		assertTrue(document.isDirty(), "undone past the save: the file differs again");
	}
}
