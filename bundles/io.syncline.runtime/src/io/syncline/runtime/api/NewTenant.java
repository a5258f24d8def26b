package io.syncline.runtime.api;

/**
 * A tenant to create from a template: the template's partners, flows, published mappings and rules are copied; its
 * name is the one given, and every partner envelope sends from {@code interchangeId} ({@code ZZ:NORTHSTAR}; null
 * derives {@code ZZ:} and the id in capitals). The reason is audited.
 */
public record NewTenant(String tenantId, String name, String template, String interchangeId, String reason) {
}
