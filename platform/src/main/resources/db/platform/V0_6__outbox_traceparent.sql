-- The W3C trace context each event was created in, put on the Kafka record's headers by the relay.
ALTER TABLE outbox_message ADD COLUMN traceparent TEXT;
