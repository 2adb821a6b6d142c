-- Module federation (issue 24, item 7): a locked final report is what every party signed; nothing changes it after,
-- whatever path a write takes (the service refuses first, with a Swedish message; this holds even so).
CREATE FUNCTION federation_final_report_locked() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    report_id bigint;
BEGIN
    IF TG_TABLE_NAME = 'federation_final_report' THEN
        IF OLD.status = 'LOCKED' THEN
            RAISE EXCEPTION 'final report of programme % is locked', OLD.programme_id USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    report_id := CASE WHEN TG_OP = 'DELETE' THEN OLD.programme_id ELSE NEW.programme_id END;
    IF EXISTS (SELECT 1 FROM federation_final_report WHERE programme_id = report_id AND status = 'LOCKED')
       OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM federation_final_report
                                          WHERE programme_id = OLD.programme_id AND status = 'LOCKED')) THEN
        RAISE EXCEPTION 'final report of programme % is locked', report_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER federation_final_report_locked BEFORE UPDATE OR DELETE ON federation_final_report
    FOR EACH ROW EXECUTE FUNCTION federation_final_report_locked();
CREATE TRIGGER federation_final_report_goal_locked BEFORE INSERT OR UPDATE OR DELETE ON federation_final_report_goal
    FOR EACH ROW EXECUTE FUNCTION federation_final_report_locked();
CREATE TRIGGER federation_final_report_lesson_locked BEFORE INSERT OR UPDATE OR DELETE
    ON federation_final_report_lesson FOR EACH ROW EXECUTE FUNCTION federation_final_report_locked();
CREATE TRIGGER federation_final_report_approval_locked BEFORE INSERT OR UPDATE OR DELETE
    ON federation_final_report_approval FOR EACH ROW EXECUTE FUNCTION federation_final_report_locked();
