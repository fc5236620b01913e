-- Where quality assurance stands with each provider, from the registry's provider events (for the scorecard).
ALTER TABLE provider_view
    ADD COLUMN qa_risk            TEXT,
    ADD COLUMN qa_last_visit_on   DATE,
    ADD COLUMN qa_last_rating     TEXT,
    ADD COLUMN qa_next_visit_due  DATE;
