BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'basisbaan','m001_places','2026-12-04 21:29:11.275286+00:00');
INSERT INTO "_sqlite_migrations" VALUES(2,'basisbaan','m002_users','2026-12-04 21:29:11.275846+00:00');
INSERT INTO "_sqlite_migrations" VALUES(3,'basisbaan','m003_start_codes','2026-12-04 21:29:11.276169+00:00');
INSERT INTO "_sqlite_migrations" VALUES(4,'basisbaan','m004_jobs','2026-12-04 21:29:11.277431+00:00');
INSERT INTO "_sqlite_migrations" VALUES(5,'basisbaan','m005_profiles','2026-12-04 21:29:11.277745+00:00');
INSERT INTO "_sqlite_migrations" VALUES(6,'basisbaan','m006_interests','2026-12-04 21:29:11.278015+00:00');
INSERT INTO "_sqlite_migrations" VALUES(7,'basisbaan','m007_minimum_wage','2026-12-04 21:29:11.278255+00:00');
INSERT INTO "_sqlite_migrations" VALUES(8,'basisbaan','m008_notifications','2026-12-04 21:29:11.278569+00:00');
INSERT INTO "_sqlite_migrations" VALUES(9,'basisbaan','p001_settings','2026-12-04 21:29:11.278791+00:00');
INSERT INTO "_sqlite_migrations" VALUES(10,'basisbaan','p002_proposals','2026-12-04 21:29:11.279364+00:00');
INSERT INTO "_sqlite_migrations" VALUES(11,'basisbaan','p003_votes','2026-12-04 21:29:11.279859+00:00');
INSERT INTO "_sqlite_migrations" VALUES(12,'basisbaan','p004_comments_and_reports','2026-12-04 21:29:11.280376+00:00');
INSERT INTO "_sqlite_migrations" VALUES(13,'basisbaan','p005_jobs_from_proposals_and_placements','2026-12-04 21:29:11.281230+00:00');
INSERT INTO "_sqlite_migrations" VALUES(14,'basisbaan','p006_list_order','2026-12-04 21:29:11.282808+00:00');
INSERT INTO "_sqlite_migrations" VALUES(15,'basisbaan','coaching_001_messages','2026-12-04 21:29:11.283142+00:00');
INSERT INTO "_sqlite_migrations" VALUES(16,'basisbaan','coaching_002_appointments','2026-12-04 21:29:11.283504+00:00');
INSERT INTO "_sqlite_migrations" VALUES(17,'basisbaan','coaching_003_plan','2026-12-04 21:29:11.284562+00:00');
INSERT INTO "_sqlite_migrations" VALUES(18,'basisbaan','coaching_004_access_log','2026-12-04 21:29:11.284998+00:00');
INSERT INTO "_sqlite_migrations" VALUES(19,'basisbaan','coaching_005_caseload','2026-12-04 21:29:11.285499+00:00');
INSERT INTO "_sqlite_migrations" VALUES(20,'basisbaan','coaching_006_interest_answers','2026-12-04 21:29:11.287730+00:00');
INSERT INTO "_sqlite_migrations" VALUES(21,'basisbaan','coaching_007_messages_by_day','2026-12-04 21:29:11.288013+00:00');
INSERT INTO "_sqlite_migrations" VALUES(22,'basisbaan','coaching_008_plan_changes','2026-12-04 21:29:11.290649+00:00');
INSERT INTO "_sqlite_migrations" VALUES(23,'basisbaan','pwa_001_interest_client_ids','2026-12-04 21:29:11.291634+00:00');
INSERT INTO "_sqlite_migrations" VALUES(24,'basisbaan','pwa_002_push_subscriptions','2026-12-04 21:29:11.291951+00:00');
INSERT INTO "_sqlite_migrations" VALUES(25,'basisbaan','pwa_003_client_ids','2026-12-04 21:29:11.292194+00:00');
CREATE TABLE access_log (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            coach_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            coach_name TEXT NOT NULL,
            what TEXT NOT NULL CHECK (what IN ('page', 'messages', 'export')),
            at TEXT NOT NULL
        );
CREATE TABLE appointments (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            coach_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            starts_at TEXT NOT NULL,
            minutes INTEGER NOT NULL DEFAULT 45 CHECK (minutes BETWEEN 5 AND 480),
            kind TEXT NOT NULL DEFAULT 'place' CHECK (kind IN ('place', 'phone')),
            place TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'accepted', 'other_time', 'cancelled')),
            reason TEXT NOT NULL DEFAULT '',
            client_id TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            reminded_at TEXT,
            UNIQUE (coach_id, client_id)
        );
CREATE TABLE buurten (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            wijk_id INTEGER NOT NULL REFERENCES wijken(id)
        );
CREATE TABLE client_ids (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            client_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            item_id INTEGER,
            created_at TEXT NOT NULL,
            PRIMARY KEY (user_id, client_id)
        ) WITHOUT ROWID
        ;
CREATE TABLE coach_changes (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            old_coach_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            new_coach_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            changed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            at TEXT NOT NULL
        );
CREATE TABLE coach_details (
            user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
            phone TEXT NOT NULL DEFAULT '',
            available TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
CREATE TABLE counters (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
INSERT INTO "counters" VALUES('jobs_version',1);
CREATE TABLE interests (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            message TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'withdrawn')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL, coach_answer TEXT
            CHECK (coach_answer IS NULL OR coach_answer IN ('talk', 'put_forward', 'not_now')), coach_reason TEXT NOT NULL DEFAULT '', answered_by INTEGER
            REFERENCES users(id) ON DELETE SET NULL, answered_at TEXT, client_id TEXT,
            UNIQUE (user_id, job_id)
        );
CREATE TABLE jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('draft', 'open', 'closed')),
            category TEXT NOT NULL,
            buurt_id INTEGER NOT NULL REFERENCES buurten(id),
            employer TEXT NOT NULL DEFAULT '',
            hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 40),
            days TEXT NOT NULL DEFAULT '',
            skills TEXT NOT NULL DEFAULT '',
            languages TEXT NOT NULL DEFAULT '',
            demands TEXT NOT NULL DEFAULT '',
            wage_scale TEXT,
            wage_cents INTEGER CHECK (wage_cents IS NULL OR wage_cents > 0),
            places INTEGER NOT NULL DEFAULT 1 CHECK (places >= 0),
            places_filled INTEGER NOT NULL DEFAULT 0 CHECK (places_filled >= 0),
            start_date TEXT,
            title_nl TEXT NOT NULL DEFAULT '',
title_en TEXT NOT NULL DEFAULT '',
summary_nl TEXT NOT NULL DEFAULT '',
summary_en TEXT NOT NULL DEFAULT '',
plain_nl TEXT NOT NULL DEFAULT '',
plain_en TEXT NOT NULL DEFAULT '',
tasks_nl TEXT NOT NULL DEFAULT '',
tasks_en TEXT NOT NULL DEFAULT '',
problem_nl TEXT NOT NULL DEFAULT '',
problem_en TEXT NOT NULL DEFAULT '',
team_nl TEXT NOT NULL DEFAULT '',
team_en TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        , proposal_id INTEGER REFERENCES proposals(id) ON DELETE SET NULL);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_master(type,name,tbl_name,rootpage,sql)VALUES('table','jobs_fts','jobs_fts',0,'CREATE VIRTUAL TABLE jobs_fts USING fts5(
            title_nl, title_en, summary_nl, summary_en, plain_nl, plain_en, tasks_nl, tasks_en, content=''jobs'', content_rowid=''id'',
            tokenize=''unicode61 remove_diacritics 2''
        )');
CREATE TABLE 'jobs_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO "jobs_fts_config" VALUES('version',4);
CREATE TABLE 'jobs_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO "jobs_fts_data" VALUES(1,X'');
INSERT INTO "jobs_fts_data" VALUES(10,X'00000000000000');
CREATE TABLE 'jobs_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'jobs_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            sender_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            from_coach INTEGER NOT NULL CHECK (from_coach IN (0, 1)),
            body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
            client_id TEXT,
            created_at TEXT NOT NULL,
            read_at TEXT,
            UNIQUE (sender_id, client_id)
        );
CREATE TABLE minimum_wage (
            valid_from TEXT PRIMARY KEY,
            cents INTEGER NOT NULL CHECK (cents > 0)
        );
INSERT INTO "minimum_wage" VALUES('2026-01-01',1471);
CREATE TABLE moderation_actions (
            id INTEGER PRIMARY KEY,
            target_kind TEXT NOT NULL CHECK (target_kind IN ('proposal', 'comment')),
            target_id INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('restore', 'remove')),
            reason TEXT NOT NULL,
            actor_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            at TEXT NOT NULL
        );
CREATE TABLE new_accounts (
            client_id TEXT PRIMARY KEY,
            coach_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL
        );
CREATE TABLE notifications (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            link TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            read_at TEXT
        );
CREATE TABLE placements (
            id INTEGER PRIMARY KEY,
            job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            placed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            UNIQUE (job_id, user_id)
        );
CREATE TABLE plan_goals (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            written_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            by_coach INTEGER NOT NULL CHECK (by_coach IN (0, 1)),
            client_id TEXT,
            created_at TEXT NOT NULL, changed_at TEXT, changed_by_coach INTEGER,
            UNIQUE (written_by, client_id)
        );
CREATE TABLE plan_steps (
            id INTEGER PRIMARY KEY,
            goal_id INTEGER NOT NULL REFERENCES plan_goals(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            due_date TEXT,
            written_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            by_coach INTEGER NOT NULL CHECK (by_coach IN (0, 1)),
            done_at TEXT,
            done_by_coach INTEGER CHECK (done_by_coach IN (0, 1)),
            client_id TEXT,
            created_at TEXT NOT NULL, changed_at TEXT, changed_by_coach INTEGER,
            UNIQUE (written_by, client_id)
        );
CREATE TABLE profiles (
            user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
            home_buurt_id INTEGER REFERENCES buurten(id),
            hours_max INTEGER CHECK (hours_max IS NULL OR hours_max BETWEEN 1 AND 40),
            travel TEXT CHECK (travel IS NULL OR travel IN ('buurt', 'wijk', 'town')),
            categories TEXT NOT NULL DEFAULT '',
            days TEXT NOT NULL DEFAULT '',
            limits TEXT NOT NULL DEFAULT '',
            skills TEXT NOT NULL DEFAULT '',
            languages TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
CREATE TABLE proposal_comments (
            id INTEGER PRIMARY KEY,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            parent_id INTEGER REFERENCES proposal_comments(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('comment', 'question', 'answer')),
            body TEXT NOT NULL,
            moderation TEXT NOT NULL DEFAULT 'visible'
                CHECK (moderation IN ('visible', 'hidden', 'removed')),
            form_token TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (author_id, form_token)
        );
CREATE TABLE proposal_events (
            id INTEGER PRIMARY KEY,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            actor_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            from_status TEXT,
            to_status TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT ''
        );
CREATE TABLE proposals (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            buurt_id INTEGER NOT NULL REFERENCES buurten(id),
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'with_gemeente', 'approved', 'rejected', 'changes_asked', 'job_created', 'withdrawn', 'closed')),
            lang TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
            category TEXT NOT NULL,
            title TEXT NOT NULL,
            tasks TEXT NOT NULL,
            problem TEXT NOT NULL,
            hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 40),
            partners TEXT NOT NULL DEFAULT '',
            unpaid_now TEXT NOT NULL DEFAULT 'unsure'
                CHECK (unpaid_now IN ('yes', 'no', 'unsure')),
            funding TEXT NOT NULL DEFAULT '',
            far_from_work TEXT NOT NULL DEFAULT 'unsure'
                CHECK (far_from_work IN ('yes', 'with_help', 'no', 'unsure')),
            threshold INTEGER CHECK (threshold IS NULL OR threshold > 0),
            opened_at TEXT,
            deadline TEXT,
            vote_count INTEGER NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
            decision_reason TEXT NOT NULL DEFAULT '',
            decision_payer TEXT NOT NULL DEFAULT '',
            decision_cents_per_year INTEGER
                CHECK (decision_cents_per_year IS NULL OR decision_cents_per_year > 0),
            decision_criteria TEXT NOT NULL DEFAULT '',
            decided_at TEXT,
            decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
            moderation TEXT NOT NULL DEFAULT 'visible'
                CHECK (moderation IN ('visible', 'hidden', 'removed')),
            form_token TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL, wijk_id INTEGER REFERENCES wijken(id), list_rank INTEGER
            GENERATED ALWAYS AS (CASE status WHEN 'open' THEN 0 WHEN 'with_gemeente' THEN 1 WHEN 'changes_asked' THEN 2 WHEN 'approved' THEN 3 WHEN 'job_created' THEN 4 WHEN 'rejected' THEN 5 WHEN 'closed' THEN 6 WHEN 'withdrawn' THEN 7 WHEN 'draft' THEN 8 END) VIRTUAL, listed INTEGER
            GENERATED ALWAYS AS (status != 'draft'
                AND NOT (status = 'withdrawn' AND opened_at IS NULL)
                AND moderation = 'visible') VIRTUAL,
            UNIQUE (author_id, form_token)
        );
CREATE TABLE push_subscriptions (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            endpoint TEXT NOT NULL UNIQUE,
            p256dh TEXT NOT NULL,
            auth TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_sent_at TEXT
        );
CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            target_kind TEXT NOT NULL CHECK (target_kind IN ('proposal', 'comment')),
            target_id INTEGER NOT NULL,
            reporter_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            reason TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic')),
            created_at TEXT NOT NULL,
            resolved_at TEXT,
            UNIQUE (target_kind, target_id, reporter_id)
        );
CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL
        );
CREATE TABLE start_codes (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            code_hash TEXT NOT NULL UNIQUE,
            created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT
        );
CREATE TABLE users (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            email TEXT UNIQUE COLLATE NOCASE,
            display_name TEXT NOT NULL DEFAULT '',
            password_hash TEXT,
            auth_version INTEGER NOT NULL DEFAULT 1,
            role TEXT NOT NULL
                CHECK (role IN ('resident', 'buurtgroep', 'coach', 'gemeente')),
            coach_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            lang TEXT CHECK (lang IN ('nl', 'en')),
            plain INTEGER CHECK (plain IN (0, 1)),
            created_at TEXT NOT NULL
        );
CREATE TABLE votes (
            id INTEGER PRIMARY KEY,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL
        );
CREATE TABLE wijken (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL
        );
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE INDEX buurten_wijk ON buurten(wijk_id)
        ;
CREATE INDEX users_coach ON users(coach_id)
        ;
CREATE INDEX start_codes_user ON start_codes(user_id)
        ;
CREATE INDEX jobs_status_created ON jobs(status, created_at);
CREATE INDEX jobs_buurt ON jobs(buurt_id);
CREATE INDEX interests_job ON interests(job_id)
        ;
CREATE INDEX notifications_user_unread ON notifications(user_id, read_at)
        ;
CREATE INDEX proposals_status_deadline ON proposals(status, deadline);
CREATE INDEX proposals_buurt ON proposals(buurt_id);
CREATE INDEX proposals_author ON proposals(author_id);
CREATE INDEX proposal_events_proposal ON proposal_events(proposal_id, id)
        ;
CREATE UNIQUE INDEX votes_once ON votes(proposal_id, user_id);
CREATE INDEX votes_user ON votes(user_id);
CREATE INDEX votes_created ON votes(created_at);
CREATE INDEX proposal_comments_proposal ON proposal_comments(proposal_id, id);
CREATE INDEX reports_target ON reports(target_kind, target_id, resolved_at);
CREATE INDEX moderation_actions_target ON moderation_actions(target_kind, target_id)
        ;
CREATE INDEX jobs_proposal ON jobs(proposal_id);
CREATE INDEX placements_user ON placements(user_id);
CREATE INDEX proposals_list_wijk
            ON proposals(listed, wijk_id, list_rank, created_at DESC, id DESC);
CREATE INDEX proposals_list
            ON proposals(listed, list_rank, created_at DESC, id DESC, wijk_id)
        ;
CREATE INDEX messages_thread ON messages(resident_id);
CREATE INDEX messages_unread ON messages(resident_id, from_coach) WHERE read_at IS NULL
        ;
CREATE INDEX appointments_resident ON appointments(resident_id, starts_at);
CREATE INDEX appointments_reminder ON appointments(starts_at) WHERE reminded_at IS NULL
        ;
CREATE INDEX plan_goals_resident ON plan_goals(resident_id);
CREATE INDEX plan_steps_goal ON plan_steps(goal_id)
        ;
CREATE INDEX access_log_resident ON access_log(resident_id, id)
        ;
CREATE INDEX coach_changes_resident ON coach_changes(resident_id);
CREATE INDEX messages_thread_day ON messages(resident_id, created_at);
CREATE UNIQUE INDEX interests_client_id ON interests(user_id, client_id)
            WHERE client_id IS NOT NULL
    ;
CREATE INDEX push_subscriptions_user ON push_subscriptions(user_id)
        ;
CREATE TRIGGER jobs_fts_ai AFTER INSERT ON jobs BEGIN
            INSERT INTO jobs_fts(rowid, title_nl, title_en, summary_nl, summary_en, plain_nl, plain_en, tasks_nl, tasks_en) VALUES (new.id, new.title_nl, new.title_en, new.summary_nl, new.summary_en, new.plain_nl, new.plain_en, new.tasks_nl, new.tasks_en);
        END;
CREATE TRIGGER jobs_fts_ad AFTER DELETE ON jobs BEGIN
            INSERT INTO jobs_fts(jobs_fts, rowid, title_nl, title_en, summary_nl, summary_en, plain_nl, plain_en, tasks_nl, tasks_en)
                VALUES ('delete', old.id, old.title_nl, old.title_en, old.summary_nl, old.summary_en, old.plain_nl, old.plain_en, old.tasks_nl, old.tasks_en);
        END;
CREATE TRIGGER jobs_fts_au AFTER UPDATE ON jobs BEGIN
            INSERT INTO jobs_fts(jobs_fts, rowid, title_nl, title_en, summary_nl, summary_en, plain_nl, plain_en, tasks_nl, tasks_en)
                VALUES ('delete', old.id, old.title_nl, old.title_en, old.summary_nl, old.summary_en, old.plain_nl, old.plain_en, old.tasks_nl, old.tasks_en);
            INSERT INTO jobs_fts(rowid, title_nl, title_en, summary_nl, summary_en, plain_nl, plain_en, tasks_nl, tasks_en) VALUES (new.id, new.title_nl, new.title_en, new.summary_nl, new.summary_en, new.plain_nl, new.plain_en, new.tasks_nl, new.tasks_en);
        END;
CREATE TRIGGER jobs_version_ai AFTER INSERT ON jobs BEGIN
            UPDATE counters SET value = value + 1 WHERE name = 'jobs_version';
        END;
CREATE TRIGGER jobs_version_au AFTER UPDATE ON jobs BEGIN
            UPDATE counters SET value = value + 1 WHERE name = 'jobs_version';
        END;
CREATE TRIGGER jobs_version_ad AFTER DELETE ON jobs BEGIN
            UPDATE counters SET value = value + 1 WHERE name = 'jobs_version';
        END;
CREATE TRIGGER votes_count_ai AFTER INSERT ON votes BEGIN
            UPDATE proposals SET vote_count = vote_count + 1 WHERE id = new.proposal_id;
        END;
CREATE TRIGGER votes_count_ad AFTER DELETE ON votes BEGIN
            UPDATE proposals SET vote_count = vote_count - 1 WHERE id = old.proposal_id;
        END;
CREATE TRIGGER placements_fill_ai AFTER INSERT ON placements BEGIN
            UPDATE jobs SET places_filled = places_filled + 1 WHERE id = new.job_id;
        END;
CREATE TRIGGER placements_fill_ad AFTER DELETE ON placements BEGIN
            UPDATE jobs SET places_filled = MAX(places_filled - 1, 0) WHERE id = old.job_id;
        END;
CREATE TRIGGER proposals_wijk_ai AFTER INSERT ON proposals BEGIN
            UPDATE proposals SET wijk_id = (SELECT wijk_id FROM buurten WHERE id = new.buurt_id)
            WHERE id = new.id;
        END;
CREATE TRIGGER proposals_wijk_au AFTER UPDATE OF buurt_id ON proposals BEGIN
            UPDATE proposals SET wijk_id = (SELECT wijk_id FROM buurten WHERE id = new.buurt_id)
            WHERE id = new.id;
        END;
PRAGMA writable_schema=OFF;
DELETE FROM "sqlite_sequence";
COMMIT;
