-- Files attached to a service's records (platform document/Documents): what each is, and its bytes apart, so lists
-- never read content. Every service has the tables; a service that takes no documents leaves them empty.
CREATE TABLE document (
    id            UUID PRIMARY KEY,
    owner_type    TEXT        NOT NULL,
    owner_id      UUID        NOT NULL,
    kind          TEXT        NOT NULL,
    file_name     TEXT        NOT NULL,
    content_type  TEXT        NOT NULL,
    size_bytes    BIGINT      NOT NULL CHECK (size_bytes > 0),
    sha256        TEXT        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    expires_on    DATE,
    uploaded_by   TEXT        NOT NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX document_owner ON document (owner_type, owner_id, uploaded_at);
CREATE INDEX document_expiry ON document (expires_on) WHERE expires_on IS NOT NULL;

CREATE TABLE document_content (
    document_id  UUID PRIMARY KEY REFERENCES document (id),
    content      BYTEA NOT NULL
);
