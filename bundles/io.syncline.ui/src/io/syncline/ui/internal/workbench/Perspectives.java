package io.syncline.ui.internal.workbench;

import java.util.List;

/** Ids of the console's perspectives and views, as declared in plugin.xml. */
public final class Perspectives {

	public static final String DESIGN = "io.syncline.ui.perspective.design";
	public static final String OPERATIONS = "io.syncline.ui.perspective.operations";
	public static final String RUNTIMES = "io.syncline.ui.perspective.runtimes";

	public static final String MAPPINGS_VIEW = "io.syncline.ui.view.mappings";
	public static final String MONITOR_VIEW = "io.syncline.ui.view.monitor";
	public static final String PARTNERS_VIEW = "io.syncline.ui.view.partners";
	public static final String CHARTS_VIEW = "io.syncline.ui.view.charts";
	public static final String EXCEPTIONS_VIEW = "io.syncline.ui.view.exceptions";
	public static final String TRACE_VIEW = "io.syncline.ui.view.trace";
	public static final String SLA_VIEW = "io.syncline.ui.view.sla";
	public static final String ATP_VIEW = "io.syncline.ui.view.atp";
	public static final String AUDIT_VIEW = "io.syncline.ui.view.audit";
	public static final String RUNTIMES_VIEW = "io.syncline.ui.view.runtimes";

	/** Each perspective with the views it must show, in the order of the perspective bar. */
	public static final List<Perspective> ALL = List.of(
			new Perspective(DESIGN, "design", List.of(MAPPINGS_VIEW)),
			new Perspective(OPERATIONS, "operations", List.of(MONITOR_VIEW, CHARTS_VIEW, EXCEPTIONS_VIEW)),
			new Perspective(RUNTIMES, "runtimes", List.of(RUNTIMES_VIEW, PARTNERS_VIEW)));

	public record Perspective(String id, String shortName, List<String> viewIds) {
	}

	private Perspectives() {
	}
}
