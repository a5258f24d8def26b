-- Syncline store, version 21: V20 made message_keys_tenant_message on (tenant_id, message_id), which V17's
-- message_keys_message already was. Every key of every journal row was written to both; the pipeline bench, run
-- with V20's indexes and without them in one process, measured them at 0.91x, and this one answered nothing the
-- other did not.

DROP INDEX message_keys_tenant_message;
