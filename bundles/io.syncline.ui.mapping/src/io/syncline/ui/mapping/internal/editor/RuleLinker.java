package io.syncline.ui.mapping.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import io.syncline.mapping.SchemaTrees;
import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.LoopRule;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.MappingFactory;
import io.syncline.mapping.model.MappingPackage.Literals;
import io.syncline.mapping.model.Rule;
import io.syncline.mapping.model.SchemaNode;

/**
 * Makes rules from source nodes and a target node: what a drop does, and what Ctrl+L does, through this one path.
 * A repeating source onto a repeating target makes a loop; a field inside a repeating target goes into the loop
 * that fills it, made on the way from the source's repeating group if there is none yet; a target already mapped
 * at that place gets the new sources. Paths are written relative to the loop they sit in. Each link is one command,
 * so one undo takes it back whole.
 */
public final class RuleLinker {

	private final EditingDomain domain;
	private final Mapping mapping;
	private final SchemaNode sourceRoot;
	private final SchemaNode targetRoot;

	public RuleLinker(EditingDomain domain, Mapping mapping, SchemaNode sourceRoot, SchemaNode targetRoot) {
		this.domain = domain;
		this.mapping = mapping;
		this.sourceRoot = sourceRoot;
		this.targetRoot = targetRoot;
	}

	/** The command linking the sources to the target; IllegalArgumentException says why a link cannot be made. */
	public Command link(List<SchemaNode> sources, SchemaNode target) {
		if (sources.isEmpty() || target == null) {
			throw new IllegalArgumentException("select a source and a target to link");
		}
		if (target == targetRoot) {
			throw new IllegalArgumentException("drop onto one of " + target.getName() + "'s fields");
		}
		CompoundCommand link = new CompoundCommand(sources.size() == 1 ? "Link " + sources.get(0).getName() + " → "
				+ target.getName() : "Link " + sources.size() + " sources → " + target.getName());
		Place place = new Place(mapping, Literals.MAPPING__RULES, mapping.getRules(),
				SchemaTrees.recordContext(mapping, sourceRoot), targetRoot);
		for (SchemaNode loopTarget : repeatingAncestors(target)) {
			place = place.into(loopTarget, sources.get(0), link);
		}
		boolean loop = target.isRepeating() && sources.size() == 1 && sources.get(0).isRepeating();
		if (loop) {
			LoopRule rule = MappingFactory.eINSTANCE.createLoopRule();
			rule.setTarget(SchemaTrees.path(place.targetContext, target));
			rule.setSource(SchemaTrees.path(place.sourceContext, sources.get(0)));
			link.append(AddCommand.create(domain, place.owner, place.feature, rule));
			return link;
		}
		if (target.isRepeating() || !SchemaTrees.hasValue(target) && !target.getChildren().isEmpty()) {
			throw new IllegalArgumentException(target.getName() + (target.isRepeating()
					? " repeats: drop a repeating source group onto it to make a loop"
					: " is a group: drop onto one of its fields"));
		}
		List<String> paths = new ArrayList<>();
		for (SchemaNode source : sources) {
			if (!SchemaTrees.hasValue(source)) {
				throw new IllegalArgumentException(source.getName() + " is a group: drop one of its fields"
						+ (source.isRepeating() ? ", or drop it onto a repeating target to make a loop" : ""));
			}
			paths.add(SchemaTrees.path(place.sourceContext, source));
		}
		String targetPath = SchemaTrees.path(place.targetContext, target);
		FieldRule existing = place.existingField(targetPath);
		if (existing != null) {
			link.append(SetCommand.create(domain, existing, Literals.FIELD_RULE__SOURCES, paths));
			return link;
		}
		FieldRule rule = MappingFactory.eINSTANCE.createFieldRule();
		rule.setTarget(targetPath);
		rule.getSources().addAll(paths);
		if (paths.size() > 1) {
			List<String> values = new ArrayList<>();
			for (int i = 1; i <= paths.size(); i++) {
				values.add("v" + i);
			}
			rule.setExpression("fn:concat(" + String.join(", ' ', ", values) + ")");
		}
		link.append(AddCommand.create(domain, place.owner, place.feature, rule));
		return link;
	}

	/**
	 * A rule that sets a target to the same value for every record (a partner's id, a currency): a default with no
	 * source. Inside a repeating target it joins the loop that fills it, which must be there already.
	 */
	public Command constant(SchemaNode target, String value) {
		if (target == null || target == targetRoot || target.isRepeating() || !target.getChildren().isEmpty()) {
			throw new IllegalArgumentException("select a field of the target to give a value");
		}
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("a constant needs a value");
		}
		CompoundCommand set = new CompoundCommand("Set " + target.getName() + " to " + value);
		Place place = new Place(mapping, Literals.MAPPING__RULES, mapping.getRules(),
				SchemaTrees.recordContext(mapping, sourceRoot), targetRoot);
		for (SchemaNode loopTarget : repeatingAncestors(target)) {
			place = place.existingLoop(loopTarget);
		}
		String targetPath = SchemaTrees.path(place.targetContext, target);
		FieldRule existing = place.existingField(targetPath);
		if (existing != null) {
			set.append(SetCommand.create(domain, existing, Literals.FIELD_RULE__DEFAULT_VALUE, value));
			return set;
		}
		FieldRule rule = MappingFactory.eINSTANCE.createFieldRule();
		rule.setTarget(targetPath);
		rule.setDefaultValue(value);
		set.append(AddCommand.create(domain, place.owner, place.feature, rule));
		return set;
	}

	/** The repeating nodes strictly above a target node, outermost first. */
	private List<SchemaNode> repeatingAncestors(SchemaNode target) {
		List<SchemaNode> loops = new ArrayList<>();
		for (SchemaNode at = SchemaTrees.parent(target); at != null && at != targetRoot; at = SchemaTrees.parent(at)) {
			if (at.isRepeating()) {
				loops.add(0, at);
			}
		}
		return loops;
	}

	/** Where a rule goes: the list it joins, and the nodes its paths are relative to. */
	private final class Place {
		final EObject owner;
		final EReference feature;
		final List<Rule> rules;
		final SchemaNode sourceContext;
		final SchemaNode targetContext;

		Place(EObject owner, EReference feature, List<Rule> rules, SchemaNode sourceContext, SchemaNode targetContext) {
			this.owner = owner;
			this.feature = feature;
			this.rules = rules;
			this.sourceContext = sourceContext;
			this.targetContext = targetContext;
		}

		/** Into the loop filling {@code loopTarget}: the one there is, or one made from the source's repeating group. */
		Place into(SchemaNode loopTarget, SchemaNode source, CompoundCommand link) {
			String targetPath = SchemaTrees.path(targetContext, loopTarget);
			for (Rule rule : rules) {
				if (rule instanceof LoopRule loop && targetPath.equals(loop.getTarget())) {
					SchemaNode element = SchemaTrees.resolve(sourceContext, loop.getSource());
					return new Place(loop, Literals.LOOP_RULE__RULES, loop.getRules(),
							element != null ? element : repeatingGroupOf(source), loopTarget);
				}
			}
			SchemaNode element = repeatingGroupOf(source);
			if (element == null) {
				throw new IllegalArgumentException(loopTarget.getName() + " repeats, and " + source.getName()
						+ " is in no repeating group: map a repeating source onto " + loopTarget.getName() + " first");
			}
			LoopRule loop = MappingFactory.eINSTANCE.createLoopRule();
			loop.setTarget(targetPath);
			loop.setSource(SchemaTrees.path(sourceContext, element));
			link.append(AddCommand.create(domain, owner, feature, loop));
			return new Place(loop, Literals.LOOP_RULE__RULES, loop.getRules(), element, loopTarget);
		}

		/** Into the loop filling {@code loopTarget}, which must be there. */
		Place existingLoop(SchemaNode loopTarget) {
			String targetPath = SchemaTrees.path(targetContext, loopTarget);
			for (Rule rule : rules) {
				if (rule instanceof LoopRule loop && targetPath.equals(loop.getTarget())) {
					return new Place(loop, Literals.LOOP_RULE__RULES, loop.getRules(),
							SchemaTrees.resolve(sourceContext, loop.getSource()), loopTarget);
				}
			}
			throw new IllegalArgumentException(loopTarget.getName() + " repeats: map a repeating source onto it first");
		}

		/**
		 * The outermost repeating group holding the source below this place's source context: the loop one level in
		 * (a nested loop then finds the next one in from there).
		 */
		private SchemaNode repeatingGroupOf(SchemaNode source) {
			SchemaNode outermost = null;
			for (SchemaNode at = SchemaTrees.parent(source); at != null && at != sourceContext;
					at = SchemaTrees.parent(at)) {
				if (at.isRepeating()) {
					outermost = at;
				}
			}
			return outermost;
		}

		FieldRule existingField(String targetPath) {
			for (Rule rule : rules) {
				if (rule instanceof FieldRule field && targetPath.equals(field.getTarget())) {
					return field;
				}
			}
			return null;
		}
	}

}
