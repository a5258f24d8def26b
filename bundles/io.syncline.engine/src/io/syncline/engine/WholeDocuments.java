package io.syncline.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.syncline.mapping.MapOutcome;
import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingResources;
import io.syncline.mapping.MappingRunner;
import io.syncline.model.canonical.DataSet;
import io.syncline.model.canonical.InventoryPosition;
import io.syncline.model.canonical.PurchaseOrder;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.MessageJournal;

/**
 * The workflows that take a document as a whole rather than record by record: a stock snapshot, which replaces a
 * site all at once or not at all, and the ERP's purchase orders, an XMI data set. Their documents are held whole,
 * up to {@link MessageJournal#HOLD_LIMIT}; a larger one is refused by name.
 */
final class WholeDocuments {

	private final String tenantId;
	private final MappingSource mappings;
	private final ExceptionQueue exceptions;
	private final InventorySync inventorySync;
	private final PurchaseOrderSending sending;
	private final MessageJournal journal;

	WholeDocuments(String tenantId, MappingSource mappings, ExceptionQueue exceptions, InventorySync inventorySync,
			PurchaseOrderSending sending, MessageJournal journal) {
		this.tenantId = tenantId;
		this.mappings = mappings;
		this.exceptions = exceptions;
		this.inventorySync = inventorySync;
		this.sending = sending;
		this.journal = journal;
	}

	/**
	 * Canonical purchase orders handed over by the ERP (an XMI data set): each sent to its supplier as an 850 (see
	 * {@link PurchaseOrderSending}).
	 */
	void sendPurchaseOrders(MessageRun run) throws IOException, SQLException {
		org.eclipse.emf.ecore.resource.Resource resource = MappingResources.resourceSet()
				.createResource(org.eclipse.emf.common.util.URI.createURI("memory:/" + run.sourceName));
		resource.load(new ByteArrayInputStream(run.payload.bytes()), Map.of());
		List<PurchaseOrder> pos = ((DataSet) resource.getContents().get(0)).getPurchaseOrders();
		for (PurchaseOrder po : pos) {
			PurchaseOrderSending.Outcome outcome = run.transact(connection -> {
				journal.addKeys(connection, tenantId, run.message, Map.of("PO", po.getPoNumber()));
				return sending.send(connection, run.message, po);
			});
			run.outcomes.merge(outcome.name(), 1L, Long::sum);
			switch (outcome) {
			case SENT, ALREADY_SENT -> run.applied++;
			case PO_CHANGE -> run.problem(po.getPoNumber() + ": arrived again changed (PO_CHANGE)");
			case WAITING_FOR_ROUTE -> run.problem(po.getPoNumber() + ": waits, its supplier has no 850 route (NO_ROUTE)");
			}
		}
		run.records = pos.size();
	}

	/** A snapshot replaces a whole site, so it applies all at once, and an incomplete one not at all. */
	void snapshot(MessageRun run, String mappingName) throws IOException, SQLException, MappingCompileException {
		MappingSource.Resolved mapping = mappings.resolve(mappingName, run.requestedVersion);
		run.usedVersion = mapping.version();
		List<InventoryPosition> positions = new ArrayList<>();
		List<MapOutcome> failed = new ArrayList<>();
		MappingRunner.run(mapping.mapping(), run.sourceName, run.payload.bytes(), outcome -> {
			if (outcome.output() instanceof InventoryPosition position) {
				positions.add(position);
			} else if (outcome.failed()) {
				failed.add(outcome);
			}
		});
		run.records = positions.size() + failed.size();
		if (!failed.isEmpty() || positions.isEmpty()) {
			run.transact(connection -> {
				for (MapOutcome outcome : failed) {
					for (var problem : outcome.problems()) {
						exceptions.open(connection, tenantId, run.message, "MAPPING_ERROR", null,
								problem.location().describe(), problem.message());
					}
				}
				return null;
			});
			failed.forEach(outcome -> outcome.problems().forEach(problem -> run.problems.add(problem.describe())));
			if (positions.isEmpty() && failed.isEmpty()) {
				run.problems.add(run.sourceName + ": the snapshot holds no positions");
			}
			run.outcomes.put("REJECTED_INCOMPLETE", (long) positions.size());
			return;
		}
		InventoryPosition first = positions.get(0);
		InventorySync.Outcome outcome = run.transact(connection -> inventorySync.applySnapshot(connection,
				tenantId, run.message, first.getWarehouse().getCode(), first.getAsOf().atOffset(ZoneOffset.UTC),
				positions));
		run.outcomes.put(outcome.name(), (long) positions.size());
		run.applied += positions.size();
	}
}
