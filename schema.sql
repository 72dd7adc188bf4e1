-- Our Say: canonical schema for a new database (SQLite dialect).
--
-- kiosk/storage/models.py describes exactly the same tables; tests/test_schema.py builds one
-- database from each and fails on any difference. Change both together, and raise
-- SCHEMA_VERSION in kiosk/storage/database.py when an existing database would need migrating.
--
-- Conventions: moments are UTC (DATETIME, naive); residents, staff, dishes, activities and
-- care plans are archived, never deleted, so keys to them are ON DELETE RESTRICT; detail rows
-- that only make sense with their parent CASCADE; fixed vocabularies are CHECKed lists.
-- Connection settings (WAL, synchronous=FULL, foreign_keys, busy_timeout) are set by the
-- engine on every connection, not here.

-- The database itself and the home's settings ------------------------------------------
CREATE TABLE schema_meta (
    name VARCHAR(64) NOT NULL,
    value TEXT NOT NULL,
    CONSTRAINT pk_schema_meta PRIMARY KEY (name)
);

CREATE TABLE setting (
    name VARCHAR(64) NOT NULL,
    value TEXT NOT NULL,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_by_staff_id INTEGER,
    CONSTRAINT pk_setting PRIMARY KEY (name),
    CONSTRAINT fk_setting_updated_by_staff_id FOREIGN KEY(updated_by_staff_id) REFERENCES staff (id) ON DELETE RESTRICT
);

CREATE TABLE photo (
    id INTEGER NOT NULL,
    mime_type VARCHAR(32) NOT NULL,
    byte_size INTEGER NOT NULL,
    data BLOB NOT NULL,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_photo PRIMARY KEY (id),
    CONSTRAINT ck_photo_mime CHECK (mime_type IN ('image/jpeg', 'image/png', 'image/webp')),
    CONSTRAINT ck_photo_byte_size CHECK (byte_size > 0)
);

-- People ----------------------------------------------------------------------------------
CREATE TABLE resident (
    id INTEGER NOT NULL,
    preferred_name VARCHAR(80) NOT NULL,
    full_name VARCHAR(160),
    room VARCHAR(20),
    photo_id INTEGER,
    language VARCHAR(16) DEFAULT 'en_GB' NOT NULL,
    text_scale INTEGER DEFAULT 100 NOT NULL,
    contrast VARCHAR(16) DEFAULT 'standard' NOT NULL,
    speech_rate INTEGER DEFAULT 135 NOT NULL,
    talking_buttons BOOLEAN DEFAULT 0 NOT NULL,
    care_plan_access VARCHAR(16) DEFAULT 'staff' NOT NULL,
    pin_hash VARCHAR(200),
    failed_pin_count INTEGER DEFAULT 0 NOT NULL,
    lockout_count INTEGER DEFAULT 0 NOT NULL,
    locked_until DATETIME,
    support_notes TEXT,
    active BOOLEAN DEFAULT 1 NOT NULL,
    archived_at DATETIME,
    erased_at DATETIME,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_resident PRIMARY KEY (id),
    CONSTRAINT ck_resident_text_scale CHECK (text_scale BETWEEN 100 AND 200),
    CONSTRAINT ck_resident_speech_rate CHECK (speech_rate BETWEEN 80 AND 220),
    CONSTRAINT ck_resident_contrast CHECK (contrast IN ('standard', 'high')),
    CONSTRAINT ck_resident_care_plan_access CHECK (care_plan_access IN ('pin', 'staff', 'open')),
    CONSTRAINT ck_resident_failed_pin_count CHECK (failed_pin_count >= 0),
    CONSTRAINT ck_resident_lockout_count CHECK (lockout_count >= 0),
    CONSTRAINT fk_resident_photo_id FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE SET NULL
);
CREATE INDEX ix_resident_active_preferred_name ON resident (active, preferred_name);

CREATE TABLE staff (
    id INTEGER NOT NULL,
    name VARCHAR(80) NOT NULL,
    role VARCHAR(16) NOT NULL,
    pin_hash VARCHAR(200) NOT NULL,
    failed_pin_count INTEGER DEFAULT 0 NOT NULL,
    lockout_count INTEGER DEFAULT 0 NOT NULL,
    locked_until DATETIME,
    active BOOLEAN DEFAULT 1 NOT NULL,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_staff PRIMARY KEY (id),
    CONSTRAINT ck_staff_role CHECK (role IN ('manager', 'coordinator', 'kitchen', 'carer')),
    CONSTRAINT ck_staff_failed_pin_count CHECK (failed_pin_count >= 0),
    CONSTRAINT ck_staff_lockout_count CHECK (lockout_count >= 0)
);

-- Food ------------------------------------------------------------------------------------
CREATE TABLE dish (
    id INTEGER NOT NULL,
    name VARCHAR(120) NOT NULL,
    description TEXT,
    course VARCHAR(16) NOT NULL,
    picture VARCHAR(64),
    photo_id INTEGER,
    iddsi_level INTEGER DEFAULT 7 NOT NULL,
    archived_at DATETIME,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_dish PRIMARY KEY (id),
    CONSTRAINT ck_dish_course CHECK (course IN ('breakfast', 'soup', 'main', 'side', 'pudding', 'snack', 'drink')),
    CONSTRAINT ck_dish_iddsi_level CHECK (iddsi_level IN (3, 4, 5, 6, 7)),
    CONSTRAINT fk_dish_photo_id FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE SET NULL
);
CREATE INDEX ix_dish_archived_at_name ON dish (archived_at, name);

CREATE TABLE dish_allergen (
    dish_id INTEGER NOT NULL,
    allergen VARCHAR(16) NOT NULL,
    CONSTRAINT pk_dish_allergen PRIMARY KEY (dish_id, allergen),
    CONSTRAINT ck_dish_allergen_allergen CHECK (allergen IN ('celery', 'gluten', 'crustaceans', 'eggs', 'fish', 'lupin', 'milk', 'molluscs', 'mustard', 'tree_nuts', 'peanuts', 'sesame', 'soya', 'sulphites')),
    CONSTRAINT fk_dish_allergen_dish_id FOREIGN KEY(dish_id) REFERENCES dish (id) ON DELETE CASCADE
);

CREATE TABLE dish_dietary_tag (
    dish_id INTEGER NOT NULL,
    tag VARCHAR(16) NOT NULL,
    CONSTRAINT pk_dish_dietary_tag PRIMARY KEY (dish_id, tag),
    CONSTRAINT ck_dish_dietary_tag_tag CHECK (tag IN ('vegetarian', 'vegan', 'halal', 'kosher', 'no_beef', 'no_pork', 'diabetic', 'low_salt', 'fortified')),
    CONSTRAINT fk_dish_dietary_tag_dish_id FOREIGN KEY(dish_id) REFERENCES dish (id) ON DELETE CASCADE
);

CREATE TABLE menu_entry (
    id INTEGER NOT NULL,
    menu_date DATE NOT NULL,
    meal VARCHAR(16) NOT NULL,
    position INTEGER DEFAULT 1 NOT NULL,
    dish_id INTEGER NOT NULL,
    proposal_id INTEGER,
    created_by_staff_id INTEGER,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_menu_entry PRIMARY KEY (id),
    CONSTRAINT ck_menu_entry_meal CHECK (meal IN ('breakfast', 'lunch', 'tea', 'supper')),
    CONSTRAINT ck_menu_entry_position CHECK (position >= 1),
    CONSTRAINT uq_menu_entry_menu_date_meal_dish_id UNIQUE (menu_date, meal, dish_id),
    CONSTRAINT uq_menu_entry_menu_date_meal_position UNIQUE (menu_date, meal, position),
    CONSTRAINT fk_menu_entry_dish_id FOREIGN KEY(dish_id) REFERENCES dish (id) ON DELETE RESTRICT,
    CONSTRAINT fk_menu_entry_proposal_id FOREIGN KEY(proposal_id) REFERENCES proposal (id) ON DELETE RESTRICT,
    CONSTRAINT fk_menu_entry_created_by_staff_id FOREIGN KEY(created_by_staff_id) REFERENCES staff (id) ON DELETE RESTRICT
);
CREATE INDEX ix_menu_entry_proposal_id ON menu_entry (proposal_id);

-- Activities ------------------------------------------------------------------------------
CREATE TABLE activity (
    id INTEGER NOT NULL,
    title VARCHAR(120) NOT NULL,
    description TEXT,
    picture VARCHAR(64),
    photo_id INTEGER,
    default_place VARCHAR(120),
    archived_at DATETIME,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_activity PRIMARY KEY (id),
    CONSTRAINT fk_activity_photo_id FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE SET NULL
);
CREATE INDEX ix_activity_archived_at_title ON activity (archived_at, title);

-- Suggestions: "residents said" -----------------------------------------------------------
CREATE TABLE proposal (
    id INTEGER NOT NULL,
    resident_id INTEGER,
    raised_by_staff_id INTEGER,
    topic VARCHAR(16) NOT NULL,
    title VARCHAR(200) NOT NULL,
    details TEXT,
    picture VARCHAR(64),
    photo_id INTEGER,
    meal_slot VARCHAR(16),
    dish_id INTEGER,
    activity_id INTEGER,
    status VARCHAR(16) DEFAULT 'open' NOT NULL,
    response TEXT,
    responded_by_staff_id INTEGER,
    responded_at DATETIME,
    response_heard_at DATETIME,
    done_at DATETIME,
    client_token VARCHAR(64),
    submitted_at DATETIME,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_proposal PRIMARY KEY (id),
    CONSTRAINT ck_proposal_topic CHECK (topic IN ('meal', 'activity', 'home', 'other')),
    CONSTRAINT ck_proposal_status CHECK (status IN ('draft', 'open', 'agreed', 'not_now', 'declined', 'done', 'withdrawn')),
    CONSTRAINT ck_proposal_meal_slot CHECK (meal_slot IS NULL OR meal_slot IN ('breakfast', 'lunch', 'tea', 'supper', 'pudding', 'snack')),
    CONSTRAINT ck_proposal_raised_by CHECK (resident_id IS NOT NULL OR raised_by_staff_id IS NOT NULL),
    CONSTRAINT ck_proposal_answered CHECK (status IN ('draft', 'open', 'withdrawn') OR responded_at IS NOT NULL),
    CONSTRAINT ck_proposal_answer_in_words CHECK (responded_at IS NULL OR (response IS NOT NULL AND responded_by_staff_id IS NOT NULL)),
    CONSTRAINT ck_proposal_submitted CHECK (status = 'draft' OR submitted_at IS NOT NULL),
    CONSTRAINT ck_proposal_done_when CHECK (status <> 'done' OR done_at IS NOT NULL),
    CONSTRAINT ck_proposal_meal_slot_for_meals CHECK (topic = 'meal' OR meal_slot IS NULL),
    CONSTRAINT fk_proposal_resident_id FOREIGN KEY(resident_id) REFERENCES resident (id) ON DELETE RESTRICT,
    CONSTRAINT fk_proposal_raised_by_staff_id FOREIGN KEY(raised_by_staff_id) REFERENCES staff (id) ON DELETE RESTRICT,
    CONSTRAINT fk_proposal_photo_id FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE SET NULL,
    CONSTRAINT fk_proposal_dish_id FOREIGN KEY(dish_id) REFERENCES dish (id) ON DELETE RESTRICT,
    CONSTRAINT fk_proposal_activity_id FOREIGN KEY(activity_id) REFERENCES activity (id) ON DELETE RESTRICT,
    CONSTRAINT fk_proposal_responded_by_staff_id FOREIGN KEY(responded_by_staff_id) REFERENCES staff (id) ON DELETE RESTRICT,
    CONSTRAINT uq_proposal_client_token UNIQUE (client_token)
);
CREATE INDEX ix_proposal_resident_id ON proposal (resident_id);
CREATE INDEX ix_proposal_status_created_at ON proposal (status, created_at);
CREATE INDEX ix_proposal_submitted_at ON proposal (submitted_at);
CREATE INDEX ix_proposal_topic_status ON proposal (topic, status);

CREATE TABLE proposal_dietary_tag (
    proposal_id INTEGER NOT NULL,
    tag VARCHAR(16) NOT NULL,
    CONSTRAINT pk_proposal_dietary_tag PRIMARY KEY (proposal_id, tag),
    CONSTRAINT ck_proposal_dietary_tag_tag CHECK (tag IN ('vegetarian', 'vegan', 'halal', 'kosher', 'no_beef', 'no_pork', 'diabetic', 'low_salt', 'fortified')),
    CONSTRAINT fk_proposal_dietary_tag_proposal_id FOREIGN KEY(proposal_id) REFERENCES proposal (id) ON DELETE CASCADE
);

CREATE TABLE proposal_support (
    id INTEGER NOT NULL,
    proposal_id INTEGER NOT NULL,
    resident_id INTEGER NOT NULL,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_proposal_support PRIMARY KEY (id),
    CONSTRAINT uq_proposal_support_proposal_id_resident_id UNIQUE (proposal_id, resident_id),
    CONSTRAINT fk_proposal_support_proposal_id FOREIGN KEY(proposal_id) REFERENCES proposal (id) ON DELETE CASCADE,
    CONSTRAINT fk_proposal_support_resident_id FOREIGN KEY(resident_id) REFERENCES resident (id) ON DELETE RESTRICT
);
CREATE INDEX ix_proposal_support_resident_id ON proposal_support (resident_id);

-- Polls -----------------------------------------------------------------------------------
CREATE TABLE poll (
    id INTEGER NOT NULL,
    question VARCHAR(200) NOT NULL,
    kind VARCHAR(16) DEFAULT 'choose_one' NOT NULL,
    results_visibility VARCHAR(16) DEFAULT 'after_close' NOT NULL,
    opens_at DATETIME NOT NULL,
    closes_at DATETIME NOT NULL,
    closed_early_at DATETIME,
    created_by_staff_id INTEGER,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_poll PRIMARY KEY (id),
    CONSTRAINT ck_poll_kind CHECK (kind IN ('choose_one', 'yes_maybe_no')),
    CONSTRAINT ck_poll_visibility CHECK (results_visibility IN ('after_close', 'live')),
    CONSTRAINT ck_poll_closes_after_opening CHECK (closes_at > opens_at),
    CONSTRAINT fk_poll_created_by_staff_id FOREIGN KEY(created_by_staff_id) REFERENCES staff (id) ON DELETE RESTRICT
);
CREATE INDEX ix_poll_opens_at_closes_at ON poll (opens_at, closes_at);

CREATE TABLE poll_option (
    id INTEGER NOT NULL,
    poll_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    label VARCHAR(120) NOT NULL,
    picture VARCHAR(64),
    activity_id INTEGER,
    proposal_id INTEGER,
    CONSTRAINT pk_poll_option PRIMARY KEY (id),
    CONSTRAINT ck_poll_option_position CHECK (position BETWEEN 1 AND 6),
    CONSTRAINT uq_poll_option_poll_id_position UNIQUE (poll_id, position),
    CONSTRAINT uq_poll_option_id_poll_id UNIQUE (id, poll_id),
    CONSTRAINT fk_poll_option_poll_id FOREIGN KEY(poll_id) REFERENCES poll (id) ON DELETE CASCADE,
    CONSTRAINT fk_poll_option_activity_id FOREIGN KEY(activity_id) REFERENCES activity (id) ON DELETE RESTRICT,
    CONSTRAINT fk_poll_option_proposal_id FOREIGN KEY(proposal_id) REFERENCES proposal (id) ON DELETE RESTRICT
);

CREATE TABLE ballot (
    id INTEGER NOT NULL,
    poll_id INTEGER NOT NULL,
    resident_id INTEGER NOT NULL,
    cast_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_ballot PRIMARY KEY (id),
    CONSTRAINT uq_ballot_poll_id_resident_id UNIQUE (poll_id, resident_id),
    CONSTRAINT uq_ballot_id_poll_id UNIQUE (id, poll_id),
    CONSTRAINT fk_ballot_poll_id FOREIGN KEY(poll_id) REFERENCES poll (id) ON DELETE CASCADE,
    CONSTRAINT fk_ballot_resident_id FOREIGN KEY(resident_id) REFERENCES resident (id) ON DELETE RESTRICT
);
CREATE INDEX ix_ballot_resident_id ON ballot (resident_id);
CREATE INDEX ix_ballot_cast_at_resident_id ON ballot (cast_at, resident_id);

CREATE TABLE ballot_choice (
    ballot_id INTEGER NOT NULL,
    option_id INTEGER NOT NULL,
    poll_id INTEGER NOT NULL,
    answer VARCHAR(8) NOT NULL,
    CONSTRAINT pk_ballot_choice PRIMARY KEY (ballot_id, option_id),
    CONSTRAINT ck_ballot_choice_answer CHECK (answer IN ('chosen', 'yes', 'maybe', 'no')),
    CONSTRAINT fk_ballot_choice_ballot FOREIGN KEY(ballot_id, poll_id) REFERENCES ballot (id, poll_id) ON DELETE CASCADE,
    CONSTRAINT fk_ballot_choice_option FOREIGN KEY(option_id, poll_id) REFERENCES poll_option (id, poll_id) ON DELETE CASCADE
);
CREATE INDEX ix_ballot_choice_option_id ON ballot_choice (option_id);

-- The week ("we did") and how it went -----------------------------------------------------
CREATE TABLE schedule_slot (
    id INTEGER NOT NULL,
    activity_id INTEGER NOT NULL,
    starts_at DATETIME NOT NULL,
    ends_at DATETIME NOT NULL,
    place VARCHAR(120),
    led_by VARCHAR(120),
    source VARCHAR(16) DEFAULT 'planned' NOT NULL,
    poll_id INTEGER,
    proposal_id INTEGER,
    repeat_of_slot_id INTEGER,
    status VARCHAR(16) DEFAULT 'planned' NOT NULL,
    cancel_reason TEXT,
    note TEXT,
    created_by_staff_id INTEGER,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_schedule_slot PRIMARY KEY (id),
    CONSTRAINT ck_schedule_slot_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT ck_schedule_slot_source CHECK (source IN ('planned', 'poll', 'proposal')),
    CONSTRAINT ck_schedule_slot_status CHECK (status IN ('planned', 'cancelled')),
    CONSTRAINT ck_schedule_slot_poll_source CHECK (source <> 'poll' OR poll_id IS NOT NULL),
    CONSTRAINT ck_schedule_slot_proposal_source CHECK (source <> 'proposal' OR proposal_id IS NOT NULL),
    CONSTRAINT fk_schedule_slot_activity_id FOREIGN KEY(activity_id) REFERENCES activity (id) ON DELETE RESTRICT,
    CONSTRAINT fk_schedule_slot_poll_id FOREIGN KEY(poll_id) REFERENCES poll (id) ON DELETE RESTRICT,
    CONSTRAINT fk_schedule_slot_proposal_id FOREIGN KEY(proposal_id) REFERENCES proposal (id) ON DELETE RESTRICT,
    CONSTRAINT fk_schedule_slot_repeat_of_slot_id FOREIGN KEY(repeat_of_slot_id) REFERENCES schedule_slot (id) ON DELETE SET NULL,
    CONSTRAINT fk_schedule_slot_created_by_staff_id FOREIGN KEY(created_by_staff_id) REFERENCES staff (id) ON DELETE RESTRICT
);
CREATE INDEX ix_schedule_slot_activity_id_starts_at ON schedule_slot (activity_id, starts_at);
CREATE INDEX ix_schedule_slot_poll_id ON schedule_slot (poll_id);
CREATE INDEX ix_schedule_slot_proposal_id ON schedule_slot (proposal_id);
CREATE INDEX ix_schedule_slot_starts_at ON schedule_slot (starts_at);
CREATE INDEX ix_schedule_slot_ends_at ON schedule_slot (ends_at);

CREATE TABLE attendance (
    slot_id INTEGER NOT NULL,
    resident_id INTEGER NOT NULL,
    recorded_by_staff_id INTEGER,
    recorded_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_attendance PRIMARY KEY (slot_id, resident_id),
    CONSTRAINT fk_attendance_slot_id FOREIGN KEY(slot_id) REFERENCES schedule_slot (id) ON DELETE CASCADE,
    CONSTRAINT fk_attendance_resident_id FOREIGN KEY(resident_id) REFERENCES resident (id) ON DELETE RESTRICT,
    CONSTRAINT fk_attendance_recorded_by_staff_id FOREIGN KEY(recorded_by_staff_id) REFERENCES staff (id) ON DELETE RESTRICT
);

CREATE TABLE feedback (
    id INTEGER NOT NULL,
    slot_id INTEGER NOT NULL,
    resident_id INTEGER NOT NULL,
    scale INTEGER DEFAULT 3 NOT NULL,
    face INTEGER NOT NULL,
    words TEXT,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_feedback PRIMARY KEY (id),
    CONSTRAINT ck_feedback_scale CHECK (scale IN (3, 5)),
    CONSTRAINT ck_feedback_face CHECK (face BETWEEN 1 AND scale),
    CONSTRAINT uq_feedback_slot_id_resident_id UNIQUE (slot_id, resident_id),
    CONSTRAINT fk_feedback_slot_id FOREIGN KEY(slot_id) REFERENCES schedule_slot (id) ON DELETE RESTRICT,
    CONSTRAINT fk_feedback_resident_id FOREIGN KEY(resident_id) REFERENCES resident (id) ON DELETE RESTRICT
);
CREATE INDEX ix_feedback_created_at ON feedback (created_at);
CREATE INDEX ix_feedback_resident_id ON feedback (resident_id);

-- Care plans, written with the person. Every save is a new version; nothing is overwritten.
CREATE TABLE care_plan (
    id INTEGER NOT NULL,
    resident_id INTEGER NOT NULL,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_care_plan PRIMARY KEY (id),
    CONSTRAINT uq_care_plan_resident_id UNIQUE (resident_id),
    CONSTRAINT fk_care_plan_resident_id FOREIGN KEY(resident_id) REFERENCES resident (id) ON DELETE RESTRICT
);

CREATE TABLE care_plan_version (
    id INTEGER NOT NULL,
    care_plan_id INTEGER NOT NULL,
    version_number INTEGER NOT NULL,
    written_by_staff_id INTEGER,
    supported_by TEXT,
    people_present TEXT,
    resident_took_part BOOLEAN NOT NULL,
    change_summary TEXT,
    next_review_on DATE,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_care_plan_version PRIMARY KEY (id),
    CONSTRAINT ck_care_plan_version_version_number CHECK (version_number >= 1),
    CONSTRAINT uq_care_plan_version_care_plan_id_version_number UNIQUE (care_plan_id, version_number),
    CONSTRAINT fk_care_plan_version_care_plan_id FOREIGN KEY(care_plan_id) REFERENCES care_plan (id) ON DELETE RESTRICT,
    CONSTRAINT fk_care_plan_version_written_by_staff_id FOREIGN KEY(written_by_staff_id) REFERENCES staff (id) ON DELETE RESTRICT
);

CREATE TABLE care_plan_section (
    id INTEGER NOT NULL,
    version_id INTEGER NOT NULL,
    section VARCHAR(32) NOT NULL,
    body TEXT DEFAULT '' NOT NULL,
    CONSTRAINT pk_care_plan_section PRIMARY KEY (id),
    CONSTRAINT ck_care_plan_section_section CHECK (section IN ('what_matters', 'important_people', 'communication', 'wellness', 'do_and_dont', 'support', 'also_know')),
    CONSTRAINT uq_care_plan_section_version_id_section UNIQUE (version_id, section),
    CONSTRAINT fk_care_plan_section_version_id FOREIGN KEY(version_id) REFERENCES care_plan_version (id) ON DELETE CASCADE
);

CREATE TABLE care_plan_goal (
    id INTEGER NOT NULL,
    version_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    goal TEXT NOT NULL,
    expressed_by VARCHAR(120),
    status VARCHAR(16) DEFAULT 'active' NOT NULL,
    review_on DATE,
    CONSTRAINT pk_care_plan_goal PRIMARY KEY (id),
    CONSTRAINT ck_care_plan_goal_status CHECK (status IN ('active', 'achieved', 'changed', 'stopped')),
    CONSTRAINT uq_care_plan_goal_version_id_position UNIQUE (version_id, position),
    CONSTRAINT fk_care_plan_goal_version_id FOREIGN KEY(version_id) REFERENCES care_plan_version (id) ON DELETE CASCADE
);

CREATE TABLE care_plan_routine (
    id INTEGER NOT NULL,
    version_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name VARCHAR(120) NOT NULL,
    timing VARCHAR(120),
    steps TEXT DEFAULT '' NOT NULL,
    music TEXT,
    CONSTRAINT pk_care_plan_routine PRIMARY KEY (id),
    CONSTRAINT uq_care_plan_routine_version_id_position UNIQUE (version_id, position),
    CONSTRAINT fk_care_plan_routine_version_id FOREIGN KEY(version_id) REFERENCES care_plan_version (id) ON DELETE CASCADE
);

CREATE TABLE care_plan_risk (
    id INTEGER NOT NULL,
    version_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    risk TEXT NOT NULL,
    agreement TEXT NOT NULL,
    agreed_by TEXT,
    CONSTRAINT pk_care_plan_risk PRIMARY KEY (id),
    CONSTRAINT uq_care_plan_risk_version_id_position UNIQUE (version_id, position),
    CONSTRAINT fk_care_plan_risk_version_id FOREIGN KEY(version_id) REFERENCES care_plan_version (id) ON DELETE CASCADE
);

CREATE TABLE care_plan_confirmation (
    id INTEGER NOT NULL,
    version_id INTEGER NOT NULL,
    section VARCHAR(32),
    resident_id INTEGER NOT NULL,
    confirmed_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_care_plan_confirmation PRIMARY KEY (id),
    CONSTRAINT ck_care_plan_confirmation_section CHECK (section IS NULL OR section IN ('what_matters', 'important_people', 'communication', 'wellness', 'do_and_dont', 'support', 'also_know')),
    CONSTRAINT fk_care_plan_confirmation_version_id FOREIGN KEY(version_id) REFERENCES care_plan_version (id) ON DELETE RESTRICT,
    CONSTRAINT fk_care_plan_confirmation_resident_id FOREIGN KEY(resident_id) REFERENCES resident (id) ON DELETE RESTRICT
);
CREATE INDEX ix_care_plan_confirmation_version_id ON care_plan_confirmation (version_id);

CREATE TABLE care_plan_review (
    id INTEGER NOT NULL,
    care_plan_id INTEGER NOT NULL,
    reviewed_on DATE NOT NULL,
    reviewed_by_staff_id INTEGER,
    people_present TEXT,
    resident_involved BOOLEAN NOT NULL,
    what_changed TEXT,
    version_id INTEGER,
    next_review_on DATE,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_care_plan_review PRIMARY KEY (id),
    CONSTRAINT fk_care_plan_review_care_plan_id FOREIGN KEY(care_plan_id) REFERENCES care_plan (id) ON DELETE RESTRICT,
    CONSTRAINT fk_care_plan_review_reviewed_by_staff_id FOREIGN KEY(reviewed_by_staff_id) REFERENCES staff (id) ON DELETE RESTRICT,
    CONSTRAINT fk_care_plan_review_version_id FOREIGN KEY(version_id) REFERENCES care_plan_version (id) ON DELETE RESTRICT
);
CREATE INDEX ix_care_plan_review_care_plan_id_reviewed_on ON care_plan_review (care_plan_id, reviewed_on);

CREATE TABLE talk_request (
    id INTEGER NOT NULL,
    resident_id INTEGER NOT NULL,
    version_id INTEGER,
    section VARCHAR(32),
    raised_via VARCHAR(16) DEFAULT 'kiosk' NOT NULL,
    note TEXT,
    raised_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    resolved_at DATETIME,
    resolved_by_staff_id INTEGER,
    resolution TEXT,
    outcome_heard_at DATETIME,
    CONSTRAINT pk_talk_request PRIMARY KEY (id),
    CONSTRAINT ck_talk_request_section CHECK (section IS NULL OR section IN ('what_matters', 'important_people', 'communication', 'wellness', 'do_and_dont', 'support', 'also_know')),
    CONSTRAINT ck_talk_request_raised_via CHECK (raised_via IN ('kiosk', 'staff')),
    CONSTRAINT ck_talk_request_resolution_when_resolved CHECK (resolved_at IS NULL OR (resolution IS NOT NULL AND resolved_by_staff_id IS NOT NULL)),
    CONSTRAINT fk_talk_request_resident_id FOREIGN KEY(resident_id) REFERENCES resident (id) ON DELETE RESTRICT,
    CONSTRAINT fk_talk_request_version_id FOREIGN KEY(version_id) REFERENCES care_plan_version (id) ON DELETE RESTRICT,
    CONSTRAINT fk_talk_request_resolved_by_staff_id FOREIGN KEY(resolved_by_staff_id) REFERENCES staff (id) ON DELETE RESTRICT
);
CREATE INDEX ix_talk_request_resident_id ON talk_request (resident_id);
CREATE INDEX ix_talk_request_resolved_at ON talk_request (resolved_at);

-- Records about the records ---------------------------------------------------------------
CREATE TABLE audit_event (
    id INTEGER NOT NULL,
    occurred_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    actor_kind VARCHAR(16) NOT NULL,
    actor_staff_id INTEGER,
    actor_resident_id INTEGER,
    action VARCHAR(64) NOT NULL,
    record_type VARCHAR(32),
    record_id INTEGER,
    detail TEXT,
    CONSTRAINT pk_audit_event PRIMARY KEY (id),
    CONSTRAINT ck_audit_event_actor_kind CHECK (actor_kind IN ('staff', 'resident', 'system')),
    CONSTRAINT fk_audit_event_actor_staff_id FOREIGN KEY(actor_staff_id) REFERENCES staff (id) ON DELETE RESTRICT,
    CONSTRAINT fk_audit_event_actor_resident_id FOREIGN KEY(actor_resident_id) REFERENCES resident (id) ON DELETE RESTRICT
);
CREATE INDEX ix_audit_event_action_occurred_at ON audit_event (action, occurred_at);
CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_record_type_record_id ON audit_event (record_type, record_id);

CREATE TABLE backup_record (
    id INTEGER NOT NULL,
    started_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    finished_at DATETIME,
    destination TEXT NOT NULL,
    byte_size BIGINT,
    ok BOOLEAN DEFAULT 0 NOT NULL,
    message TEXT,
    CONSTRAINT pk_backup_record PRIMARY KEY (id)
);
CREATE INDEX ix_backup_record_finished_at ON backup_record (finished_at);

-- The audit log is append-only: no code path may change or remove an event.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;

-- What this file builds. The engine reads it back to refuse files from a newer version.
INSERT INTO schema_meta (name, value) VALUES ('schema_version', '1');
