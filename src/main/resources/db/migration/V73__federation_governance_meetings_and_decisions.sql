-- Module federation (issue 24): the förbund's governance meetings (styrelse, beredningsgrupp/utvecklingsråd,
-- operativ ledningsgrupp) with participants, agenda items and minutes, and the board's decisions on applications.
-- Once the minutes are approved (justerade) the meeting is locked; decisions are never edited, only followed.

CREATE TABLE federation_meeting (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    federation_id  bigint NOT NULL REFERENCES organisation (id),
    body           text NOT NULL CHECK (body IN ('BOARD', 'COUNCIL', 'STEERING_GROUP')),
    held_on        date NOT NULL,
    starts_at      time NOT NULL,
    ends_at        time,
    place          text NOT NULL CHECK (length(trim(place)) > 0),
    approved_by    bigint REFERENCES user_account (id),
    approved_at    timestamptz,
    version        int NOT NULL DEFAULT 0,
    created_by     bigint NOT NULL REFERENCES user_account (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at IS NULL OR ends_at > starts_at),
    CHECK ((approved_by IS NULL) = (approved_at IS NULL))
);
CREATE INDEX federation_meeting_federation ON federation_meeting (federation_id, held_on);

CREATE TABLE federation_meeting_participant (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id      bigint NOT NULL REFERENCES federation_meeting (id),
    name            text NOT NULL CHECK (length(trim(name)) > 0),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    role            text,
    present         boolean NOT NULL
);
CREATE INDEX federation_meeting_participant_meeting ON federation_meeting_participant (meeting_id, id);

-- An agenda item (ärende), in order; linked to an application or a Finsam programme, or neither. The statement is a
-- council's handling ("Utvecklingsrådet stödjer förslaget"); the minutes are the item's text in the minutes.
CREATE TABLE federation_agenda_item (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id     bigint NOT NULL REFERENCES federation_meeting (id),
    position       int NOT NULL CHECK (position > 0),
    heading        text NOT NULL CHECK (length(trim(heading)) > 0),
    application_id bigint REFERENCES federation_application (id),
    programme_id   bigint REFERENCES federation_programme (programme_id),
    statement      text,
    minutes        text,
    UNIQUE (meeting_id, position)
);
CREATE INDEX federation_agenda_item_application ON federation_agenda_item (application_id);
CREATE INDEX federation_agenda_item_programme ON federation_agenda_item (programme_id);

-- The board's decision on an application on the agenda. A later decision supersedes the current one (supersedes_id):
-- one first decision per application, each later one follows exactly one, none is updated or deleted.
CREATE TABLE federation_decision (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id bigint NOT NULL REFERENCES federation_application (id),
    agenda_item_id bigint NOT NULL REFERENCES federation_agenda_item (id),
    outcome        text NOT NULL CHECK (outcome IN ('GRANTED', 'PARTLY_GRANTED', 'REFUSED', 'POSTPONED')),
    decided_on     date NOT NULL,
    conditions     text,
    supersedes_id  bigint UNIQUE REFERENCES federation_decision (id),
    recorded_by    bigint NOT NULL REFERENCES user_account (id),
    recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX federation_decision_application ON federation_decision (application_id, id);
CREATE INDEX federation_decision_agenda_item ON federation_decision (agenda_item_id);
CREATE UNIQUE INDEX federation_decision_first ON federation_decision (application_id) WHERE supersedes_id IS NULL;

-- What a granting decision grants, per year.
CREATE TABLE federation_decision_grant (
    decision_id bigint NOT NULL REFERENCES federation_decision (id),
    year        int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    amount      numeric(14, 2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (decision_id, year)
);

-- When the programme lead must report (återrapportering).
CREATE TABLE federation_decision_reporting_date (
    decision_id bigint NOT NULL REFERENCES federation_decision (id),
    due_on      date NOT NULL,
    PRIMARY KEY (decision_id, due_on)
);

-- A decision is the board's, on the agenda item of its application, of an unlocked meeting, and supersedes a decision
-- on the same application; the service checks the same and names the field, this holds for every writer.
CREATE FUNCTION federation_decision_check() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    item record;
BEGIN
    SELECT i.application_id, m.body, m.approved_at INTO item
      FROM federation_agenda_item i JOIN federation_meeting m ON m.id = i.meeting_id
     WHERE i.id = NEW.agenda_item_id;
    IF item.body <> 'BOARD' THEN
        RAISE EXCEPTION 'federation_decision: only the board decides (meeting body %)', item.body;
    END IF;
    IF item.application_id IS DISTINCT FROM NEW.application_id THEN
        RAISE EXCEPTION 'federation_decision: application % is not on agenda item %', NEW.application_id,
            NEW.agenda_item_id;
    END IF;
    IF item.approved_at IS NOT NULL THEN
        RAISE EXCEPTION 'federation_decision: the meeting''s minutes are approved';
    END IF;
    IF NEW.supersedes_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM federation_decision d
            WHERE d.id = NEW.supersedes_id AND d.application_id = NEW.application_id) THEN
        RAISE EXCEPTION 'federation_decision: decision % is not on application %', NEW.supersedes_id,
            NEW.application_id;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER federation_decision_check BEFORE INSERT ON federation_decision
    FOR EACH ROW EXECUTE FUNCTION federation_decision_check();

CREATE FUNCTION federation_decision_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is never edited, only followed by a new decision: % refused', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE TRIGGER federation_decision_kept BEFORE UPDATE OR DELETE ON federation_decision
    FOR EACH ROW EXECUTE FUNCTION federation_decision_refuse_change();
CREATE TRIGGER federation_decision_no_truncate BEFORE TRUNCATE ON federation_decision
    FOR EACH STATEMENT EXECUTE FUNCTION federation_decision_refuse_change();
CREATE TRIGGER federation_decision_grant_kept BEFORE UPDATE OR DELETE ON federation_decision_grant
    FOR EACH ROW EXECUTE FUNCTION federation_decision_refuse_change();
CREATE TRIGGER federation_decision_reporting_date_kept BEFORE UPDATE OR DELETE ON federation_decision_reporting_date
    FOR EACH ROW EXECUTE FUNCTION federation_decision_refuse_change();

-- A locked meeting (minutes approved) keeps its participants and agenda as approved.
CREATE FUNCTION federation_meeting_refuse_when_approved() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    locked boolean;
BEGIN
    IF TG_TABLE_NAME = 'federation_meeting' THEN
        locked := OLD.approved_at IS NOT NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT approved_at IS NOT NULL INTO locked FROM federation_meeting WHERE id = NEW.meeting_id;
    ELSE
        SELECT approved_at IS NOT NULL INTO locked FROM federation_meeting WHERE id = OLD.meeting_id;
    END IF;
    IF locked THEN
        RAISE EXCEPTION '%: the meeting''s minutes are approved, % refused', TG_TABLE_NAME, TG_OP;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER federation_meeting_locked BEFORE UPDATE OR DELETE ON federation_meeting
    FOR EACH ROW EXECUTE FUNCTION federation_meeting_refuse_when_approved();
CREATE TRIGGER federation_meeting_participant_locked BEFORE INSERT OR UPDATE OR DELETE
    ON federation_meeting_participant
    FOR EACH ROW EXECUTE FUNCTION federation_meeting_refuse_when_approved();
CREATE TRIGGER federation_agenda_item_locked BEFORE INSERT OR UPDATE OR DELETE ON federation_agenda_item
    FOR EACH ROW EXECUTE FUNCTION federation_meeting_refuse_when_approved();
