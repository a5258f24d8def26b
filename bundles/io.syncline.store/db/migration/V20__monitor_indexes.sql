-- Syncline store, version 20: what the monitor reads of a journal of ten million rows, measured by the monitor
-- bench (BenchMain monitor). The newest page of a tenant was a sort of all its rows (the planner took the tenant
-- index on received_at and sorted), and so was a page for one partner; the business keys of each row shown read
-- every key of the tenant, because the only index leading with the tenant was the key's own.

CREATE INDEX messages_tenant_id ON messages (tenant_id, id DESC);
CREATE INDEX messages_tenant_partner ON messages (tenant_id, partner_id, id);
CREATE INDEX message_keys_tenant_message ON message_keys (tenant_id, message_id);
