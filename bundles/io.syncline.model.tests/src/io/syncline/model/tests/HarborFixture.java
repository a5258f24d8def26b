package io.syncline.model.tests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.syncline.model.canonical.AcknowledgmentStatus;
import io.syncline.model.canonical.Address;
import io.syncline.model.canonical.CanonicalFactory;
import io.syncline.model.canonical.Channel;
import io.syncline.model.canonical.Customer;
import io.syncline.model.canonical.DataSet;
import io.syncline.model.canonical.Invoice;
import io.syncline.model.canonical.InvoiceLine;
import io.syncline.model.canonical.Item;
import io.syncline.model.canonical.LineAcknowledgment;
import io.syncline.model.canonical.Money;
import io.syncline.model.canonical.PartnerIdentity;
import io.syncline.model.canonical.PurchaseOrder;
import io.syncline.model.canonical.PurchaseOrderLine;
import io.syncline.model.canonical.PurchaseOrderStatus;
import io.syncline.model.canonical.Quantity;
import io.syncline.model.canonical.SalesOrder;
import io.syncline.model.canonical.SalesOrderLine;
import io.syncline.model.canonical.Shipment;
import io.syncline.model.canonical.ShipmentLine;
import io.syncline.model.canonical.ShipmentOrder;
import io.syncline.model.canonical.ShipmentPackage;
import io.syncline.model.canonical.Supplier;
import io.syncline.model.canonical.SupplierAvailability;
import io.syncline.model.canonical.SupplierItem;
import io.syncline.model.canonical.UomConversion;
import io.syncline.model.canonical.Warehouse;

/**
 * The Harbor Supply scenario of shared/samples/README.md, built by hand: what the partners' documents say, as
 * canonical objects. Figures are typed from the README so tests can check the model against it.
 */
final class HarborFixture {

	static final CanonicalFactory F = CanonicalFactory.eINSTANCE;

	final DataSet dataSet = F.createDataSet();
	final Supplier acme;
	final Customer bigBox;
	final Warehouse atl;
	final PurchaseOrder po45001;
	final Shipment asn88001;
	final Invoice inv7781;
	final SalesOrder bb7730021;

	HarborFixture() {
		dataSet.setTenantId("harbor");
		acme = supplier("acme", "Acme Fasteners Inc", "ZZ", "ACMEFAST");
		bigBox = F.createCustomer();
		bigBox.setPartnerId("bigbox");
		bigBox.setName("BigBox Retail");
		bigBox.setChannel(Channel.EDI);
		bigBox.setIdentity(identity("ZZ", "BIGBOXRETAIL"));
		dataSet.getCustomers().add(bigBox);

		atl = F.createWarehouse();
		atl.setCode("ATL");
		atl.setName("Harbor Supply Atlanta DC");
		atl.setAddress(address("Harbor Supply Atlanta DC", "1200 Logistics Pkwy", "Atlanta", "GA", "30336", "ATL"));
		dataSet.getWarehouses().add(atl);

		Item hexBolt = item("HS-100101", "Hex bolt 3/8-16 x 1 in zinc", "EA", "012345678905", "2000", "0.13");
		Item washer = item("HS-100238", "Flat washer 3/8 in box of 100", "BX", "012345678912", "20", "14.99");
		Item hexNut = item("HS-100102", "Hex nut 3/8-16 zinc", "EA", "012345678929", "2000", "0.07");
		Item lagScrew = item("HS-100320", "Lag screw 1/4 x 2 in hot dip galv", "EA", "012345678936", "500", "0.35");
		Item anchor = item("HS-100544", "Wedge anchor 1/2 x 4-1/4 in", "EA", "012345678943", "100", "1.65");
		UomConversion box = F.createUomConversion();
		box.setUom("CS");
		box.setFactor(new BigDecimal("10"));
		washer.getConversions().add(box);

		supplierItem(hexBolt, "AF-HX-0616", "0.0825");
		supplierItem(washer, "AF-WS-0038", "12.40");
		supplierItem(lagScrew, "AF-LG-1420", "0.2150");
		availability(hexBolt, "AF-HX-0616", "12000", null);
		availability(hexNut, "AF-NT-0616", "0", LocalDate.of(2026, 12, 15));
		availability(anchor, "AF-AN-0500", "640", null);

		po45001 = F.createPurchaseOrder();
		po45001.setPoNumber("PO-45001");
		po45001.setSupplier(acme);
		po45001.setOrderDate(LocalDate.of(2026, 11, 20));
		po45001.setRequestedDate(LocalDate.of(2026, 11, 27));
		po45001.setDepartmentNumber("042");
		po45001.setShipToWarehouse(atl);
		po45001.setShipTo(address("Harbor Supply Atlanta DC", "1200 Logistics Pkwy", "Atlanta", "GA", "30336", "ATL"));
		po45001.setStatus(PurchaseOrderStatus.ACKNOWLEDGED);
		po45001.setAcknowledgmentNumber("ACK-9001");
		PurchaseOrderLine line1 = poLine(1, hexBolt, "AF-HX-0616", "5000", "EA", "0.0825");
		PurchaseOrderLine line2 = poLine(2, washer, "AF-WS-0038", "200", "BX", "12.40");
		PurchaseOrderLine line3 = poLine(3, lagScrew, "AF-LG-1420", "1000", "EA", "0.2150");
		ack(line1, AcknowledgmentStatus.ACCEPTED, "5000", "EA", LocalDate.of(2026, 11, 25), null);
		ack(line2, AcknowledgmentStatus.ACCEPTED, "50", "BX", LocalDate.of(2026, 11, 25), null);
		ack(line2, AcknowledgmentStatus.BACKORDERED, "150", "BX", LocalDate.of(2026, 12, 9), null);
		ack(line3, AcknowledgmentStatus.PRICE_CHANGED, "1000", "EA", LocalDate.of(2026, 11, 25), "0.2290");
		dataSet.getPurchaseOrders().add(po45001);

		asn88001 = F.createShipment();
		asn88001.setShipmentNumber("ASN-88001");
		asn88001.setSupplier(acme);
		asn88001.setShipDate(LocalDate.of(2026, 11, 24));
		asn88001.setEstimatedDeliveryDate(LocalDate.of(2026, 11, 26));
		asn88001.setCarrierCode("UPSN");
		asn88001.setCarrierName("UPS Ground");
		asn88001.setTrackingNumber("1Z999AA10123456784");
		asn88001.setPackageCount(3);
		asn88001.setGrossWeight(quantity("412", "LB"));
		asn88001.setShipToWarehouse(atl);
		ShipmentOrder order = F.createShipmentOrder();
		order.setPoNumber("PO-45001");
		order.setPoDate(LocalDate.of(2026, 11, 20));
		asn88001.getOrders().add(order);
		// MAN*GM values of the 856 without their GS1-128 application identifier "00".
		ShipmentPackage carton1 = carton(order, "012345670000000018");
		ShipmentPackage carton2 = carton(order, "012345670000000025");
		ShipmentPackage carton3 = carton(order, "012345670000000032");
		shipLine(carton1, hexBolt, "AF-HX-0616", "012345678905", "3000", "EA");
		shipLine(carton2, hexBolt, "AF-HX-0616", "012345678905", "2000", "EA");
		shipLine(carton2, washer, "AF-WS-0038", "012345678912", "50", "BX");
		shipLine(carton3, lagScrew, "AF-LG-1420", "012345678936", "1000", "EA");
		dataSet.getShipments().add(asn88001);

		inv7781 = F.createInvoice();
		inv7781.setInvoiceNumber("INV-7781");
		inv7781.setSupplier(acme);
		inv7781.setPoNumber("PO-45001");
		inv7781.setInvoiceDate(LocalDate.of(2026, 11, 25));
		inv7781.setPoDate(LocalDate.of(2026, 11, 20));
		inv7781.setTrackingNumber("1Z999AA10123456784");
		var terms = F.createPaymentTerms();
		terms.setTypeCode("01");
		terms.setDiscountPercent(new BigDecimal("2"));
		terms.setDiscountDays(10);
		terms.setNetDays(30);
		inv7781.setTerms(terms);
		invoiceLine(1, hexBolt, "AF-HX-0616", "5000", "EA", "0.0825");
		invoiceLine(2, washer, "AF-WS-0038", "50", "BX", "12.40");
		invoiceLine(3, lagScrew, "AF-LG-1420", "1000", "EA", "0.2290");
		inv7781.setTotalAmount(money("1261.50"));
		dataSet.getInvoices().add(inv7781);

		bb7730021 = F.createSalesOrder();
		bb7730021.setOrderNumber("SO-BB-7730021");
		bb7730021.setChannel(Channel.EDI);
		bb7730021.setCustomer(bigBox);
		bb7730021.setCustomerPo("BB-7730021");
		bb7730021.setOrderDate(LocalDate.of(2026, 11, 21));
		bb7730021.setRequestedDate(LocalDate.of(2026, 11, 28));
		bb7730021.setShipTo(address("BigBox Store 0412", "88 Commerce Dr", "Marietta", "GA", "30060", "0412"));
		soLine(1, washer, "HS-100238", "012345678912", "40", "BX", "14.99");
		soLine(2, hexBolt, "HS-100101", "012345678905", "1200", "EA", "0.1290");
		soLine(3, anchor, "HS-100544", "012345678943", "30", "EA", "1.6500");
		dataSet.getSalesOrders().add(bb7730021);

		var position = F.createInventoryPosition();
		position.setItem(hexBolt);
		position.setWarehouse(atl);
		position.setOnHand(new BigDecimal("18450"));
		position.setAllocated(new BigDecimal("2300"));
		position.setDamaged(new BigDecimal("40"));
		position.setAsOf(Instant.parse("2026-11-20T06:00:00Z"));
		dataSet.getInventoryPositions().add(position);
	}

	static Money money(String amount) {
		Money money = F.createMoney();
		money.setAmount(new BigDecimal(amount));
		money.setCurrency("USD");
		return money;
	}

	static Quantity quantity(String value, String uom) {
		Quantity quantity = F.createQuantity();
		quantity.setValue(new BigDecimal(value));
		quantity.setUom(uom);
		return quantity;
	}

	static PartnerIdentity identity(String qualifier, String isaId) {
		PartnerIdentity identity = F.createPartnerIdentity();
		identity.setIsaQualifier(qualifier);
		identity.setIsaId(isaId);
		identity.setGsId(isaId);
		return identity;
	}

	static Address address(String name, String street, String city, String region, String postalCode,
			String locationCode) {
		Address address = F.createAddress();
		address.setName(name);
		address.setStreet1(street);
		address.setCity(city);
		address.setRegion(region);
		address.setPostalCode(postalCode);
		address.setCountry("US");
		address.setLocationQualifier("92");
		address.setLocationCode(locationCode);
		return address;
	}

	private Supplier supplier(String id, String name, String qualifier, String isaId) {
		Supplier supplier = F.createSupplier();
		supplier.setPartnerId(id);
		supplier.setName(name);
		supplier.setIdentity(identity(qualifier, isaId));
		dataSet.getSuppliers().add(supplier);
		return supplier;
	}

	private Item item(String number, String description, String uom, String gtin, String safetyStock,
			String listPrice) {
		Item item = F.createItem();
		item.setItemNumber(number);
		item.setDescription(description);
		item.setBaseUom(uom);
		item.setGtin(gtin);
		item.setSafetyStock(new BigDecimal(safetyStock));
		item.setListPrice(money(listPrice));
		dataSet.getItems().add(item);
		return item;
	}

	private void supplierItem(Item item, String sku, String cost) {
		SupplierItem supplierItem = F.createSupplierItem();
		supplierItem.setSupplier(acme);
		supplierItem.setSupplierSku(sku);
		supplierItem.setItem(item);
		supplierItem.setGtin(item.getGtin());
		supplierItem.setUom(item.getBaseUom());
		supplierItem.setCost(money(cost));
		supplierItem.setLeadTimeDays(5);
		supplierItem.setPackQuantity(BigDecimal.ONE);
		supplierItem.setEffectiveDate(LocalDate.of(2026, 11, 1));
		dataSet.getSupplierItems().add(supplierItem);
	}

	private void availability(Item item, String sku, String quantity, LocalDate availableDate) {
		SupplierAvailability availability = F.createSupplierAvailability();
		availability.setSupplier(acme);
		availability.setSupplierSku(sku);
		availability.setItem(item);
		availability.setQuantity(new BigDecimal(quantity));
		availability.setUom(item.getBaseUom());
		availability.setAvailableDate(availableDate);
		dataSet.getSupplierAvailabilities().add(availability);
	}

	private PurchaseOrderLine poLine(int number, Item item, String sku, String qty, String uom, String price) {
		PurchaseOrderLine line = F.createPurchaseOrderLine();
		line.setLineNumber(number);
		line.setItem(item);
		line.setSupplierSku(sku);
		line.setGtin(item.getGtin());
		line.setDescription(item.getDescription());
		line.setQuantity(quantity(qty, uom));
		line.setUnitPrice(money(price));
		po45001.getLines().add(line);
		return line;
	}

	private static void ack(PurchaseOrderLine line, AcknowledgmentStatus status, String qty, String uom,
			LocalDate date, String newPrice) {
		LineAcknowledgment ack = F.createLineAcknowledgment();
		ack.setStatus(status);
		ack.setQuantity(quantity(qty, uom));
		ack.setScheduledDate(date);
		if (newPrice != null) {
			ack.setUnitPrice(money(newPrice));
		}
		line.getAcknowledgments().add(ack);
	}

	private static ShipmentPackage carton(ShipmentOrder order, String sscc) {
		ShipmentPackage carton = F.createShipmentPackage();
		carton.setSscc(sscc);
		order.getPackages().add(carton);
		return carton;
	}

	private static void shipLine(ShipmentPackage carton, Item item, String sku, String gtin, String qty, String uom) {
		ShipmentLine line = F.createShipmentLine();
		line.setItem(item);
		line.setSupplierSku(sku);
		line.setGtin(gtin);
		line.setQuantity(quantity(qty, uom));
		carton.getLines().add(line);
	}

	private void invoiceLine(int number, Item item, String sku, String qty, String uom, String price) {
		InvoiceLine line = F.createInvoiceLine();
		line.setLineNumber(number);
		line.setItem(item);
		line.setSupplierSku(sku);
		line.setQuantity(quantity(qty, uom));
		line.setUnitPrice(money(price));
		inv7781.getLines().add(line);
	}

	private void soLine(int number, Item item, String buyerPart, String gtin, String qty, String uom, String price) {
		SalesOrderLine line = F.createSalesOrderLine();
		line.setLineNumber(number);
		line.setItem(item);
		line.setBuyerPartNumber(buyerPart);
		line.setGtin(gtin);
		line.setQuantity(quantity(qty, uom));
		line.setUnitPrice(money(price));
		bb7730021.getLines().add(line);
	}
}
