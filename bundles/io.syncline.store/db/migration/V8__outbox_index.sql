-- Syncline store, version 8: outbound documents not yet delivered are found by an index, not by reading the
-- whole journal; a runtime looks for them after each batch and on every start.

CREATE INDEX messages_tenant_unpublished ON messages (tenant_id, direction, published_at, id);
