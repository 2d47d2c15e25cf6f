from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "drip_campaigns" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "trigger" VARCHAR(16) NOT NULL,
    "trigger_event_type" VARCHAR(100),
    "goal_event_type" VARCHAR(100),
    "active" BOOL NOT NULL,
    "change_cursor" BIGINT NOT NULL,
    "event_cursor" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "exit_segment_id" BIGINT REFERENCES "segments" ("id") ON DELETE SET NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "trigger_segment_id" BIGINT REFERENCES "segments" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_drip_campai_team_id_fc7181" UNIQUE ("team_id", "name")
);
COMMENT ON COLUMN "drip_campaigns"."trigger" IS 'SEGMENT_JOIN: segment_join\nEVENT: event';
        CREATE TABLE IF NOT EXISTS "drip_enrollments" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL,
    "source" VARCHAR(32) NOT NULL,
    "source_ref" VARCHAR(200),
    "enrolled_at" TIMESTAMPTZ NOT NULL,
    "exited_at" TIMESTAMPTZ,
    "exit_reason" VARCHAR(32),
    "drip_id" BIGINT NOT NULL REFERENCES "drip_campaigns" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_drip_enroll_drip_id_3d4690" UNIQUE ("drip_id", "team_contact_id")
);
COMMENT ON COLUMN "drip_enrollments"."status" IS 'ACTIVE: active\nCOMPLETED: completed\nEXITED: exited';
COMMENT ON TABLE "drip_enrollments" IS 'A contact going through a drip; at most one per (drip, contact), ever.';
        CREATE TABLE IF NOT EXISTS "email_settings" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "smtp_host" VARCHAR(255) NOT NULL,
    "smtp_port" INT NOT NULL,
    "tls_mode" VARCHAR(16) NOT NULL,
    "username" VARCHAR(320),
    "password_encrypted" TEXT,
    "from_name" VARCHAR(200) NOT NULL,
    "from_address" VARCHAR(320) NOT NULL,
    "reply_to" VARCHAR(320),
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "hub_id" BIGINT NOT NULL UNIQUE REFERENCES "hubs" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "email_settings"."tls_mode" IS 'NONE: none\nSTARTTLS: starttls\nTLS: tls';
COMMENT ON TABLE "email_settings" IS 'How one hub sends mail; the SMTP password is encrypted with app/core/crypto.';
        CREATE TABLE IF NOT EXISTS "email_templates" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "key" VARCHAR(64) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "subject" TEXT NOT NULL,
    "html_body" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_email_templ_hub_id_0d9610" UNIQUE ("hub_id", "key")
);
COMMENT ON TABLE "email_templates" IS 'Jinja2 (sandboxed) subject, HTML and text of one hub''s mail, found by `key`.';
        CREATE TABLE IF NOT EXISTS "drip_steps" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "position" INT NOT NULL,
    "delay_minutes" INT NOT NULL,
    "drip_id" BIGINT NOT NULL REFERENCES "drip_campaigns" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "template_id" BIGINT NOT NULL REFERENCES "email_templates" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_drip_steps_drip_id_a57bbc" UNIQUE ("drip_id", "position")
);
COMMENT ON COLUMN "drip_steps"."delay_minutes" IS 'after enrolment';
        CREATE TABLE IF NOT EXISTS "email_sends" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(32) NOT NULL,
    "marketing" BOOL NOT NULL,
    "context" JSONB NOT NULL,
    "dedupe_key" VARCHAR(200),
    "due_at" TIMESTAMPTZ NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "attempts" INT NOT NULL,
    "queued_at" TIMESTAMPTZ,
    "sending_at" TIMESTAMPTZ,
    "finished_at" TIMESTAMPTZ,
    "message_id" VARCHAR(255),
    "to_address" VARCHAR(320),
    "subject" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ NOT NULL,
    "enrollment_id" BIGINT REFERENCES "drip_enrollments" ("id") ON DELETE CASCADE,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "step_id" BIGINT REFERENCES "drip_steps" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_email_sends_enrollm_ddf714" UNIQUE ("enrollment_id", "step_id"),
    CONSTRAINT "uid_email_sends_team_id_640fe3" UNIQUE ("team_id", "dedupe_key")
);
CREATE INDEX IF NOT EXISTS "idx_email_sends_state_95618a" ON "email_sends" ("state", "due_at");
COMMENT ON COLUMN "email_sends"."state" IS 'SCHEDULED: scheduled\nQUEUED: queued\nSENDING: sending\nSENT: sent\nUNCERTAIN: uncertain\nSKIPPED: skipped\nFAILED: failed';
COMMENT ON TABLE "email_sends" IS 'One message to send: a transactional mail, or one (enrolment, step) of a drip.';
        CREATE TABLE IF NOT EXISTS "email_suppressions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "email" VARCHAR(320) NOT NULL,
    "scope" VARCHAR(16) NOT NULL,
    "scope_ref" BIGINT NOT NULL,
    "reason" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT REFERENCES "team_contacts" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_email_suppr_team_id_15eca6" UNIQUE ("team_id", "email", "scope", "scope_ref")
);
COMMENT ON COLUMN "email_suppressions"."scope" IS 'ALL: all\nMARKETING: marketing\nHUB: hub\nDRIP: drip';
COMMENT ON COLUMN "email_suppressions"."reason" IS 'UNSUBSCRIBE: unsubscribe\nHARD_BOUNCE: hard_bounce\nCOMPLAINT: complaint\nMANUAL: manual';
COMMENT ON TABLE "email_suppressions" IS 'Who must not get which mail. Keyed by address, so re-signing up never clears a bounce.';
        CREATE TABLE IF NOT EXISTS "audience_destinations" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "config" JSONB NOT NULL,
    "token_encrypted" TEXT NOT NULL,
    "base_url" VARCHAR(500),
    "created_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_audience_de_team_id_92ceba" UNIQUE ("team_id", "name")
);
COMMENT ON COLUMN "audience_destinations"."kind" IS 'META: meta\nGOOGLE: google';
COMMENT ON TABLE "audience_destinations" IS 'One ad-platform audience; `config` holds its public ids, the token is encrypted.';
        CREATE TABLE IF NOT EXISTS "audience_links" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "change_cursor" BIGINT NOT NULL,
    "last_synced_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "destination_id" BIGINT NOT NULL REFERENCES "audience_destinations" ("id") ON DELETE CASCADE,
    "segment_id" BIGINT NOT NULL REFERENCES "segments" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_audience_li_segment_61177b" UNIQUE ("segment_id", "destination_id")
);
COMMENT ON TABLE "audience_links" IS 'A segment synced to a destination; `change_cursor` is the last history id pushed (Google).';
        CREATE TABLE IF NOT EXISTS "audience_sync_runs" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "trigger" VARCHAR(16) NOT NULL,
    "period" VARCHAR(32),
    "status" VARCHAR(16) NOT NULL,
    "started_at" TIMESTAMPTZ NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "sent" INT NOT NULL,
    "added" INT NOT NULL,
    "removed" INT NOT NULL,
    "batches" INT NOT NULL,
    "session_id" BIGINT,
    "errors" JSONB NOT NULL,
    "destination_id" BIGINT NOT NULL REFERENCES "audience_destinations" ("id") ON DELETE CASCADE,
    "link_id" BIGINT NOT NULL REFERENCES "audience_links" ("id") ON DELETE CASCADE,
    "segment_id" BIGINT NOT NULL REFERENCES "segments" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_audience_sy_link_id_5f79b5" UNIQUE ("link_id", "period")
);
CREATE INDEX IF NOT EXISTS "idx_audience_sy_team_id_7da893" ON "audience_sync_runs" ("team_id", "started_at");
COMMENT ON COLUMN "audience_sync_runs"."status" IS 'RUNNING: running\nSUCCEEDED: succeeded\nFAILED: failed';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "audience_sync_runs";
        DROP TABLE IF EXISTS "email_templates";
        DROP TABLE IF EXISTS "drip_enrollments";
        DROP TABLE IF EXISTS "audience_links";
        DROP TABLE IF EXISTS "email_suppressions";
        DROP TABLE IF EXISTS "drip_steps";
        DROP TABLE IF EXISTS "email_settings";
        DROP TABLE IF EXISTS "drip_campaigns";
        DROP TABLE IF EXISTS "email_sends";
        DROP TABLE IF EXISTS "audience_destinations";"""


MODELS_STATE = (
    "eJztfWuT2ki27V/J4MvYEbRPu+xy++K5E0FRtE03BXWB6scZOtRCygJ1CYnRo2zOmfnvNz"
    "Mlgd5IQoIka3+YHpfQTsHaqczca7/+t7U2Vazbb7ob7We8bXXQ/7YMeY3JP2KftFFL3mz2"
    "1+kFR17o7FZ5o0lPeMsuygvbsWTFIdcfZd3G5JKKbcXSNo5mGvTuLnKwvP7OVswNVpFiYR"
    "Ubjibrb9DY0LfIWWE0/dL97ur6AzIf2Z9kbKTZyHZMcvMndmlj4UftG7u6Mr8ab+ijVVMh"
    "z9aMZaNPcQ3tXy6WHHOJyS0WedY//yCXNUPF37Ad/Ll5kh41rKsRSDWVDsCuS852w67daM"
    "uB4fzI7qW/YSEppu6ujf39m62zMo2dgGY49OoSG9iSHUyf4Fguxdlwdd1XSQC992X3t3jf"
    "MiSj4kfZ1am2qLT3BfbXWpI0Gs+kaX8mSa2EJgOJEOz+JcU06CwgX9VmACzpV/ju/1xdvX"
    "v3w9X37z58vH7/ww/XH7//SO5l3zf50Q//8b7MHi1vKIbZ4PNgNKNfyCRTzZuD9MJ/mIzs"
    "yJ4UU8Yeffb/Cfx7K9lKRz+4P4Y/+WFx/AO08xQQXNhrYP96nEIFa/mbpGNj6azIn1fff5"
    "8D7y/dSe9Ld/KK3PU6CvLI/+jK+4zivcfXe1nKILyXqAfj807yCMLvrgoA/O4qE1/6URRe"
    "sjxJK9lelQE4LCMcxB/eF4D4w/tMiOlHUYjZZmEnAf5pOh6lA7yXiMGraoqD/o10zU6s1n"
    "WtFq2/P7qGQjFEC1fTHc2w39Dn/aPVEPw5cFOE6Mhr2/6XHob51V33t7gGesPxDYPMtJ2l"
    "xUZhA9zE1EE2bQqZJDtJldySTxxtjdPVEpWMq8YXfRP84xKXc/IDVXqQ8d/AHNXMBnf96a"
    "x7dx/Rz2131qefXLGr29jVVx9iOtsNgn4dzL4g+if67/GoH1fj7r7Zf7fod5Jdx5QM86sk"
    "q6HFIrgaoBbRui7bjuTalfQel61B8/5X5kXxF6LoAJNcTVv42XyqpOeoJGiZZy0Ha/FiK5"
    "W1fxKih00h/nV7SmNorwVqDJfGPyRUCXnuds2TQU8pgMenVDOUgppUw4+mhbWl8TPeMlUM"
    "yPeWDSXN/vR5mZk/zIWp4D/BHAuu7l9QS/6640zCU4/8dvKLsePZOt1pr3vbb2UsMTUA+2"
    "DjIpYRZ6tKUVwTS2oEXfIt0OhhOGyxCbyQlaevsqVKkZlMPzGvzNiV3b3Jj9ZX6/gV2ZCX"
    "DCP6Y+hXD0/qFBIymOzZFCSdL8X4x2xIgdnjeEVtA7N3NmbP1t1lGXyD+4WjnD4WAfdjNr"
    "YfE9BS+0T6H9MoNX8jQqebxK2HWa8pbqlpag+4pGzoxeKSEkfv7KPMfnqEPZixXdyX/PHn"
    "CdZlhm3m0XHvK72wKZB1eoy8Qmu8XmDrSIjoSe6ODSQqTIprO+Za2ljmBluOluZPKANYjw"
    "137422vcWPmqEFEiLCh58xvf0ozPp0DFEBIp86xL6p4T3seSOJCtTKXRwJ0hd3ITA4kr+g"
    "r7TN8Tjd7cYSFbENNlQyiISfZd1lgByJ2r03YH83nqjIKSusPJmuI9nYto/HrecPN/VGEx"
    "Y1b3WWFpqu08GOw8wb7GY/lpiQuZvjpxcbRFSIyE/UnsmvIj/hSJxu9yMJDhYx/mvdLm+D"
    "YV/EvknDbh0dr2s41u9HEhUs01KPNrHHdAyhAZI0B6/rQGlAxhEVqY28reGdu/dGERYkS1"
    "OO3Qjv6RjiAmQSgGhEHR1tg6U6+Jn7YNApG1NouoYAqLpH0zX33iiCg0SZ/ePNam+srqqO"
    "hT3F+++ihcltiqZrDBLJco/FbhIZcOIKC6CFH11DPRotOoioEPlzzHNnHH0o9Vb6nj+YsJ"
    "i5i93gxwIWGkpYuPCyhiPq1BtFcJDqox98vMRnHgLklJVsLI895SdQ67FRRcWOss8UO4P8"
    "+qMJVTbUiPwlKlqUHrSxUsOy/8VdTL2BRMVKJ5Yf+d3kyE8DfY6Ea8gGuw+NJSJka6xq8n"
    "FA3QVDiIjPRj56eb+XxV3LKTw1LU8UJsHXJ1mh3BQxpo/2kHXZSBNXXAeZdyatya/vHa0E"
    "9+oHiGlLQ9IMcvPRxysfNjLgwOgJfMZSycCSIq83Mvmpx3pgyVg9fyih8cKGZep6DUY2Ra"
    "y/G0xozGwHH+3hJ+NMyTCi4oTXsqaTZf9oCrVPB5picVnUACnHIUPVA9Z+KHEBc/B6Q+A4"
    "dm9kiM38scRGzHY3G6uWc9h0P5KokMmuqmFDweTxNnmb6ojm7fpD3u5HFB49XTOeaoJtSI"
    "YSHi97ayg1eGkDzKZkOMF8tKWKCyR8lYe32bGBZyb5T1GHZYnd9kIKQvynQkkGP2EvozDD"
    "Pp0vvzyDFEogrLdKwz93RVVcWrzjD6jacAlVG4gxmZH13jfcdaJaS7QAmC/LcwWH1vjXUX"
    "/SQeZX8m3mRvf2bjDqIFlda8bcmM66P/7YQeTnPT62iiktkiH/9kOBDPm38dTrfYY8/Qgy"
    "5Iu+L2JlyENdMC5KstG9qjT0ISGAHkqycVuSzfWrqJ2mGNulQhp6m9Mhza5dUspSKnnmZ6"
    "innPYDbWSf8+kPgjJsL/RAz4jI9BN9Ovw7AeEKhb27KlIpjNyV0wAgUSuM/zJ3rdZJ0G2m"
    "fYVs219NsnSWbbKQEKyEN2f0UQzw6+sigF9fZwNOPwOD82UanImjd/axJmV6nLY0G2fvYY"
    "mgohpSA8SvzlZPqBo9CAsYqNa0TRFAlmFahBDNtzAiAYdFGs7p5lIzkC9F+73JiI7jNXlb"
    "YNnCFnLMJ2zsG8Ah2UaaYwdN4tIazNU0Ktg7F2rvMN2WPi5GpYSzfKB0L5wT63BM4G8bjY"
    "xWQetRSQG1fiFaDjCBbl+g6Q50+3oZWganJi9OTfDAXbAHLijNnWIph6p2Z1vJ4SLhhw3k"
    "sYHRBlu2abTRE3mzDbTYIuacaSNZsUzbRvgZW1vWUj1pCZcXB5OX4zWlDS6+s7n4wNbNRl"
    "8sW7eST4SF4NCqb9axiXeC9n9odE/O6sSStknndG3J2bUjrWO2FDdfruBGfosVXSbzEsmI"
    "6ltF3ogoGJFeJ4pHa3mLbOwg02BsdHBaQK/+9ATe/P0Jb//x5+vkXt/IE3JD+sl9ENF/Ga"
    "eDJ5zSgDX7bODfznMMPzckOPnduNTBaycgILyNxP8wgFIBPpyOEsjyjHVrOpsMRp9pzgmF"
    "em6MHu5uaH4K+XULmqByMx4P+91RBy1MU8eyMTfo2aiD6JlxbvTJ7R2Eyc3xPeE86SpmVp"
    "HNn6bjUforERKJn481xUH/RrpmN3Yaav390TVY4SS0cDXd0Qz7DX3eP1rNnpHSAKcQRY7G"
    "AdCv7rq/xXXQG45v4mdeOsBNTCHhr5lQygx/y9iBY2ICxCrmGSb932b5wO/skuF49Dm4Pa"
    "4NsBlfps0IiVs8Eu2QPVRL9tB5iHav90SKBb9rSpFtru9bYRy2zKfmmti2BEhiIPvGMFI1"
    "Fb1ixRmfNfy1jTaupaxkKu3XSFXM9YbipM7dq++vPrx+g2Z0uiJigCNibhtJ87y5x+Ta6I"
    "qu0WLBDBCq5Li97t0pKXvCKTgxm4riWpa3BxGh/ZCpN4Ddz6Xdn206ZWxDF2AuVTRN3xYy"
    "Td/mmKZvk6Zp+B0oecSLiQp4xruQM13BGBkFa88Vg2QiogIqWuDDfF6z+Gw+IyrFB6VBHy"
    "sMpRE/1pTY4lJEBUwLbISHBcP2XBVJwof0aiqICoMqgGPgimPImuw1QSteQEUqwtGXnCc2"
    "J6yEjGqFhcInwz+zcJKhf//fbNSb3CEvSgeRM5GmYmQaOCN4soRcLgXjBdpFKJRgcsfZmP"
    "9t7eEkv3lpUzGaNrOrH+zj7MPnT5lgwpPliz3wG0GE/u0pG2gZ7miZcwdrnnvjbj5c81Gz"
    "bEcqW5clKgVmQSGzgCV7lUU6IgRAF6uDQ0AqBfJOQDyA310VWjNyloxEgLfpGo5VKkwuJC"
    "IewkUAzsY3Aa+uPWJlS+6TyHl9WTmeK2WYEwam+F2E/SospUK8Hm6mvcmAhXXtR5kbw373"
    "toN0LKs0kOtz93P/lsZyLekpem70xqNf+pMZvUZ09Ywt6go0huPfu0MiZG5lfW50Z9JkMP"
    "25g2RHsjT7iUh9eZiMmMzKtQysxk+25wkLY8fZhNa7liVvM2gLXyCm35cSCkZDjP75R3yR"
    "YiHaZajovQTQ0PXT0BDg9QJ9Qu5Graj1qCRonRetp7iAU/tuV2HfgXiv0wcC7ifweVwSI1"
    "/U51Gfu0N8V8dxXo4QC/t8fPfVXTCqIFhHJuXKXUi1VTD94i7udmOJipiywsqT6To1Nd7u"
    "+cMJWNE0mqCka8+YxkLWOuNug2FfxNQj65Dm6LiGjtL9/UiigmVaqt8OozpMYzqGqABt5G"
    "0NM+neG0VUkGyvuaVHsR09n6ZstJ4/mLCYeeR3Vo5wuXbI+6GEhQsv6RtU36Y49QYUfz8M"
    "kFNWsrE8tl15ArUeG1VU7Pz0s41lUgLtSOyGbLD70FgiQua9oDWd+715JvipP0BMWxqSRn"
    "Md1WPfUh82MuDA6JFLoiKnkoElbFimrtdwSLslo/V3g4mKGYugI6+ncWx9tj4daErGERwp"
    "d7OPOj3ymLYbqQBknMXEZCJWKlg6ZFeRiUOeJ+FnWXd3wKWDOzbwzCT/KWBneaP2I4MKAn"
    "R4ai40XaeD1ACZT5Pf7EcUBK+Sgflf3EUrJSCfXm7nBeKviPHF7qi1neg+RN7W3SVUF+TH"
    "HUhlssLZ+W9/edmBv+xdKIFvcL+A+H4sAu/HbHQ/JsCF6mhQHY27OX+ZYVRQHY27bRuieJ"
    "qO4ikSaQJBFBXCAehPqCcCgIFxGKxLsfBi9WlUVznaT+uNIihGNF6MeoKM4xnmnjfUSGBy"
    "2cZKDb5ZslBNvYFExQl8ZBU8PqomH+vi8YcQER9aCvToiBtxvdKyopCXQ7Lco88FXTbSxC"
    "10LLhIrMAdDe7ok7qjFXm9kclPrcEZ3fOHEhUvcEWXQ8rB6w2B4tjXkaE188cSCbGKruhg"
    "GjoOeWoOtsV9qv583A8oiDFZ3qUaImnSnatRFifXzRqP/azb47ryXL2RqnvgeOWGwW3nOF"
    "4tU69cSSWQPaHnypvIJf1Xrbu+1w3Lk54bd+Pb/qQ7G9NL5IUh39IkV7+Mp7MOWpleNYvz"
    "lzsxjYVJFk8a60MU4FRWU9o4J1SZYTr0ubTwTFm9sc9mXa98TWicuTEYSfeT8edJfzrtIG"
    "3PodCCN3f3w75f8MbvfcGHPh1srW2JmqCbak7L1AFq8F3yuYny7qoMMMn1VZJJqz1qCjv1"
    "kEmKH7GFyTtaqhR83hhQkSc/qKBCRZ6FbPgVr2JnEq9zYrqO9kIxjdB+i02pYnfltKjTXp"
    "IR1G8G8VgN1n3y1VumAnKT5kROI3GsKyyFEUFYAnleAomqJAvLdrngqKiUCLURTx0c9Zep"
    "VXu3IoIQGsXLy1YkNIra+mXt6b0MBEZBZakLhb5qaTVobALhgc3u9/UW+fKZ1iMR9VNzBA"
    "V0v6FBoxheG8UkQjVT2+NBqabKTrqSDqdk+meK0yk1RzTb8ZRMVG3A+RTzMu2z/4JOxeBz"
    "4s7n5DVO9EZKqCGbB42J8UF9nqu2eyPUp6csv95NyiuSrZukJKindvUosmuXypLdCZzQ3Y"
    "eDcqbNZ3I20MGFAiZZ+LE0yoGQCEzlCfKRLUx+qV3NDRqXvRyK0usOhvwfQD3aaIsd5B+Q"
    "sIpePZoW0uUlg/JluQmgJUL2+3iZhHWK2hPhmcCbAm/6Es0jYE3Pl1Sd5FGK8oFBHPNp2M"
    "CzvgrNcoFHcVXxkvYpTFVK1ftsniq14n5jRam8gs/+o6SApYJAaR5W5XYOaZVUXEIZOeWU"
    "0oQFrK10dX1dxFa8vs62Feln0YPK2k98Kwp2cL+A+NYflOxaKV3Es8Oy/NtFYDlOHY9FY+"
    "/dFMI7b9UIJE7I35kbbJyGvqt/MkM9sGzoL5NDKBL0trE0BZe2YMNSwCJA4NuFQs8dgfNi"
    "VAEUzikD3yBQq0lyJrGd1gDxfTCOoOCGDxDHU5A10mPRsvRp7FiicH0OOebPnlDd/IPUWO"
    "seW9/5gsgXJLcqjt1GFqZZuS51dpoGws/Y2u5u8aJHPiG/7xJiZZoQPbgiZ4XXb+JO0Saf"
    "UybUzB9X8u01ct/+s7VlQRwap5Qe1U0C/lusaGtZz6CWPIm4feiJvPFFm1rzvi+nDLJC/G"
    "VaiDzCq+15FCNy2+8N7rrDV2/ft69iWZ2Bpf4+EeShO88l8fUlAN9C+CquRTPBt2U4pbCM"
    "CCxeLCKsSEBYdjxYHODYwl4C5qTkSStuGEEVkIuj8PxqxORclYJ317LkbRadE5GLoX0JYa"
    "e7QszstIIWprtcFaxEc4DK/ucfCZC9o2tZiENSFwmwLhs+un4P2QU5HjpmQyCTp0lEGFvP"
    "coqPJXvtSAiKt05/LLBsfMzuwJJYNMKIESRdI4UjyGaC06Ur0WG8oe6ds6/evv/h/cd3H9"
    "7vjte7K3mn6iTlyKD6lyvT9u4px458iMNyAG4SXAN/29nZFVxYKeJQGIWf0Nek3+or0ZVE"
    "DuP4awoJkFdsKCoIBYdKFBzSbIl8jbT9OBfxsBjgXQ7vjWw7kuqmUMqHIA9LAuolUJfJaf"
    "kZ06PMpnSoWpqseAfQRgLVVM1mp0dpgy0Fp51Bc8mvNPGjmTDOtFCAArsuwYDtIJPX6Yf+"
    "YoDvpV8g3qUoR99uZt8jqMZa4ayaMwycWXk+syrU56tXC7GLioKeedYzZGNmHyQuM5IyRe"
    "2QjXlu3zTvwXwvJEgAQvkgG5PrV4HnbExGFLRSw8zYJ+388DJ6T6MZl7QNGyRZ8rPYtlF2"
    "RJZSMtVPETfV78P7AgTVh/eZ/BT9KHrEeNKMDCbwcA+ZQJZnoFv3/UmvP5p1kE+gzY0fB7"
    "/RRjCP2jdcqQlM3X5q73tJ5mNKgalcqiom+QJpqjK0oMfnpcOct5hH5Tj2UbfWmlEu9vA8"
    "Vg1EKDYcoai61q4Sa5V1PSx/yiTj/XcpPOXHo16/g6jk3Jj07/vd2WD0uYMsvMEybRdJVv"
    "vxpP8L7fP2SMyzZ79N3NkjGgOIaUvgNTmar1Ki7jJXpHRhjlems0XP+CU2Kvk802TFW3oa"
    "8Xl67uKUbTbPt78XOqFbP7CmLtarD9UNsif6ZXLyRaobACcPVDAPKjgLFVwfTem3h/DBTX"
    "CV4Y/beYSlur+xGGvZ+nUlO2jhbmnmqYz8JA+0tGQC7BtEGWmag2qQRyFNtdEC6ya50zFp"
    "LipS/I9Vc00w/4S+YnIC1rfIdsi0y8iKPcUDD6fHAsPKJcMqPAn45eFG8vp9T78M7juIdg"
    "Na7/rB0P7Qo1l/NJO6vR5rHu1PeNZWmfaPnnWJUenIyyrG41URzvYqm7O9SnC29Ntnt2hP"
    "f2HCMuJZMQ1UDfNnAF0R05PisvtepMlC54vI0bqOzhf++1j0DfBvF3DyF+rF8DanF8PbZC"
    "8GsCuz0RfXrjxDq1jeXq2zuET2ierlsI/KgVV/XKQdECpAqIhCqKSsLjWger8fSVBgoysq"
    "X713Odsqi0J6qPXuWbm/eGvYbBowpYnsQUaQHIOjVENBerBLGQq0F0P+oRottpS9cy1lJV"
    "M5m/JzskOuWfjZfMLk/9bmM7Y9eu4r/Ugx12saJ4TIKRCrSWKw2UdlBmGGI3hD61MULYjQ"
    "5GfLbufwh1GtVbIgEuJwogJr4lIVANYEpEy9TFWAYXdKww7qn5+u/jmY0A2a0OEz//EQJ+"
    "w0QYFOPTfzZGP3aWk/HdN66q0Uwzr8cTvPmsb7G8vE18goqAO/MnUW1MK6siPzMWTZfkKe"
    "kz9c8F1zMgJojh2xlDkMxi83x5p2jvGbVwf6cPjMWWpB70OtywTRdHuzwS/9DvKk58bnSZ"
    "cmXywJViz74pfxzzSvzqOHKmXW1R/GwcoI2VWKEYUFBXRiX4jTOsAk12uNDbWKikNiUHeI"
    "Z/3aJtlZS0W77SVOuKoG+3/JdbVi1E/9qeAQ8pMNvbghP1DUSzStp6ypiaJe4CLggacGFw"
    "G4CF6cKsBFAC6CS0AYXATndRGch7IeWyrjZRNktfdBO4+mNuktDZSti/HAKYyxLiveQfyP"
    "cJvR0GXgjoE7ronlkLVgVpSowTa6ZXV5NthQWVWe++7glvxJxqLM8Y8Po1uPOn50ybNV+v"
    "lkNugOh79L+083suVosq5vpf19P3YHQ1bMTdZ0+nevO+r12ZWgsngVHrr+lM2z1LyqpmDX"
    "LqvfigxWzVWvHNOR9cyeD7ln+pjk6Q70pbvLXkaFt/3Gk9BDPqUUERSQUbpcBilJHAJdnP"
    "3WXSZxCJWHODw8Am/FiSqAtwLe6hIQLl3pP2NSaw5ep5imN77Yjz9PsJ5VJjbMmQzIOAJh"
    "Hj3oyttdUGJ1mO69UQqAxGeQSRKjxhk6NqmyWLpgxh1g6qTdDG+UrgPqjUvqrULD8qN7lV"
    "da4942q4baai1XYV6Ac6nNOvCXtJJrSlgK7IFLzLjl7EgA0TQvAHowhU9pCpuB5/lITHce"
    "bEFBDe9lfIZrcLZW1xCtQb4CGj0Mh+cK1whM5xRTMGRVZxuCYQP+cFbh2MBobRp4i2jpGy"
    "qIHi1zjaasVUiH5gDKmoqUFVaeTNdB5NyoGc+mpmD06k/b6ydi4cc/0f9F5DSJNPV1Ms+w"
    "oWfkdkPciyWSDhM3+YhJmlfjlswJCC7h08INaTWhhYNtb3wpnqt6Vww7aKTjTebLUR751D"
    "HEq1rckBouLZ6qPN6t6UOv1++zkCjbVRSMUyOhqkdVFWQ5IGLq0iOmgLE7K2nhNxYNv3Zl"
    "9RARBoUcy+KRg3WVoLW9GOSRQ8QaRKzxFbF2JscIZ+/xeVZU213svm1pFaQIgybAQ3KZ0E"
    "PcJjirOFMBxG1yhXDZfONTuwU520aP9gruXVdZJ5YawJ3GhhMT45STWmkv4V4FHqdxZEzt"
    "hA0i0JrRaEztvaUpuJXmRGUftHNdqPSWU2W9hx2R9Lngfzz3OTfb/8gATOBfzBUTyHLtiB"
    "mP+hIlKDrINMjc1dasDGrvYTJhye4Wpv4IqqdiSmu6oy04VMChUnmuXwiFT53m1rOsV113"
    "wvIc+9xbt93fO0iVt3Pj137/5w76ivHT3Lgbj2ZfOjR8yFnNjd/73UkHbbFsVVmAPhZ4NT"
    "5mvhof469GACzBOvUVyd6TE4KQepFgmCyNAESmQ8qhOZtZighx6zw8G6iGpjyxf5fYL8My"
    "J9wvT7NZXhXqM36V02f8KtlnPH6YLwF2iijHSzZPYVL7+v+xc4pp6lg2Mg4qO6EYygsi1d"
    "TUDqym03q2b8bjYcS7eTOInTxGD3c3fXIAZ6iTmzQn40ACPufsiS6uzxnKK/PgcwN3J/jY"
    "OGVz29DP/ey5S6WqoQT5NpKNbZt81yPdEz1/uKk3mkAKiB40VZX8djMlAaVUfRRPh12VnB"
    "ZERSrsQjtybonpc2zY/2XSjn1Y9bLs+s9ZOYVp97XzvWO+hOSbq/i5RBdDvFiZ5hPyZJCs"
    "0xPzFpGn6RpWPyHNsLFFFEv+gZwVRjb5tgQs2bCpsWYaSLbpdc1C+PERK46d0tawkUcUyT"
    "ZkT9z576BgDg/nuHaOOy+utoQqDjI1YVGeHXs8UTXZTtQMG+YCHKcV8X1biH98m8M/vk3y"
    "j/v1uULiR0wWOJpL4miAIgCKgAcV1EYRnKkCh08hpJ+WA3Yh94BMb4I6jC/0WFnaxXpy9+"
    "rpDpBNOFjD3ywB8wx/y5jkMTEBnNl5R5f+b7PIqSVA9NVd97fXkZPLcDz6HNwe0kBvOL4B"
    "J2sp0Gt0sm5k25FUsvxvTF3LinA8HPyVMswJ5/2S/O6U3tH7y1Fu6Od+/76DnjDezI3Pk2"
    "6v30HsVhqC+sv45z6NP302n3Cc8TlP8Cn7amUjlKJCpztv/xBXwg9Hb7K1RSVBPEE21OLa"
    "qit3UdpU3ctA1jSEEVwE9MARnDKMgCwQNSD6xRvlslaTonju19Aj8hmJHDnTWxSJIz27t/"
    "uRBJrEMXOV/URyTqHYr/F6gS17pW3qQQ6rZLre7QYVFURM21TouIbWNP39SKKCFesFUx2r"
    "Mt2OLmQ9jLnKgkTfY0J5/HxiEWcSi3Y6GiCIdYJYpxM4bLwZlu212c3Ag64baT/vD4c0dR"
    "FbRpCzkh20lrdogdHCdJcrBwW+G/RVc1a0zrk3PCI37qqdv5INxBZstHDXm5Ty6Q2MnxrM"
    "FIrBZQ+EKCZ+zMh2jrsJ+LNsBYnLn2WnF+Zn42RmFgKTc+gVhGQobhQALCawmDyoAJKhzg"
    "xskWSoxLZZC7JiWf1JXPcHBZ5i8yaYfHVF0zVmRU/cVHsveVM7z+izg/5AYSnJcosagLS/"
    "VVQYbYi5Rd959g/yP81UP7FkE8v8ija6ayNilcnqs2ab1hbppvLE4h6Q5iCbqE/H6V20Gn"
    "lKbmaLNyqYgvzsxe0cU9DXVkID2bGHewkBow/rD/oh24JVzdaOSgpoa1+IbR1gkmtcP2qG"
    "Zq8q6TkmCu1TeNazhTeyZuGUFTNzwwqLQIUxsMvBLudRBReegeSX+k41bYIi4Nn2TKjaeL"
    "3pR2ntdcmTIOOdq0Uhz0BI6K2EqZAmK6DR0Ex5QiijfO6+XTl9dDMttpP3zm3t2t+2TjPZ"
    "629yC97ol+iNDjp8l3WIRuR4Xue43OjB8ALDiy8VNOMQ9VaJOtx2+5EEBTa6ovJk1E6Z/d"
    "BzbcdcM3syYdzG7mgXcNop/s2FYzW9Z6BADuma8YRV5Ji04w3yO9Z9QvL+Dk1FBn4m/1ib"
    "z9imd8qGyaIu/bvTQjabekwRqzwYEuxyrvaM9mG7PKy5UpZKmjTY5sVsc7yWtYzuOulw7w"
    "TE683w7qpIvRZyV3YHqatEvRYwCbPRF9ckBIvkvMYgtOcG45AzFTRiHEJ77ibbc5/TVJxi"
    "xyE/1nvlUk3F3R3tAqaiHb65gKVIMfqbHVhyssK69dH6VFsbYUOxthtaRNzLvNts3ihkpr"
    "1hV800g/DI0aAYJMcLfjvPssPkEOtIRM/STs1JfWRXLcySF8K6yzvuNlHA8KvXGkDyQa2k"
    "kLwxQCkVlEKn9kpLo3ezTfCwjACFPJsOW3Y3akULPCoJFjgvFnhKeGuiKAUfFvgLOQMkjL"
    "4yJ+dDBuLYwDOT/Kdh8/CsqmomZPM4MyRciiXNCImVaskxQeL1YRoOzAw/L80N9M+E2exH"
    "O/0BZgSfZkS6XkscmbJHEOLUegJHETjpzol9dvjm4TLo5wjlrBBKOxj1xnf3w/6s30GaoZ"
    "jrDd3c5sb+utT/7X4w6d+GP5fwtw3NSJobs8mgOxyMPtMFUpN1orK50e3NBr+Q8bwy/HPj"
    "vjudSbcP5EpQG35uPIzuuwMypmtsZI2M0+uOev0hfYpC4dTp2Pfdhym9spFd249OPXus6b"
    "9cmRZzTKmOn7krhUVO59Z42+zeVF8pdteysJHVbiDDRxuSOaEp7tonCpF+V8Qhnu0OT5ji"
    "huZIVdIBYoLc5h5eSkIAeTq2nuWMyI/De0pY/oTzfk2O7KuSM7912/29g1R5Ozd+7fd/7q"
    "CvGD/NjbvxaPalg9iIc+P3fnfSQVssW1UW948F3pKPmW/Jx/hbEoArKekvSrbVkRCEVT4+"
    "89eWVWkFispdxALEKqOwCd5G8iOZGkjV7N3U4HVp8rZUR/KKc0isdERZ4jZrDChIwA9jmw"
    "yaimkNGykmZim9+yOA1rnWOrOyJDlf77ld1rKGOGHPtd2Vi226xqzmasttTBTeN57fN09Z"
    "FRbXiCDomGcdc1SpC7Tc8M5ZLbcgKgp65lnPZMmtpOSwHGiYZw3vOtXampFWoTdfz0lp0D"
    "bP2lZMd1Pagx0REi/3rhG/aUB3UbNQSc2hv8WKtpb1dMjTxONvlif/xh/n8rSQA/ptvze4"
    "6w5fXbevYsZjoI73ye70AWRVKNYUYY5b3V6KqwcSULMVcpnhr0USUCHoWTStFwl6PlNfJM"
    "72tBfXFgnw7/AS8P9yoYeUe26yLyDlHlLuOUS4SMr9uVuBcbaVFi58l90JjHwFNHoYDs/b"
    "Cuxicc3oBLZHNTvVLVHD8dhe4oXrN14I2o32xZ7iJUMrLXXN/6idm7Xm3dRowhr7XlClkJ"
    "uTVBtlJ6Gx/0/gn03YB/fznHRTlaz/vkihPHJXNln/fZI6Dn2zBMzZFSliYgLUQzh5CQot"
    "LRaoWB5AIMvzJG/d/j7q3g16HaRuyW/WlLkxnXVn9AJNjaN/98ZfxpNZBynmyrSKRkc3XL"
    "bCcvWU9ean6XiU/iIE98cZW01x0L+RrtmXe3BIw5QCkf8qxGd9O0q30gHirwLFUHLIWlNm"
    "BYoIieCZPfUC5MjLlJNx9kwP7j9qpldb8//+6BoKaz+7cDXd0Qz7DX3eP86wFzTyAqzxeo"
    "Gt0olHcTFu02POlnYEXthsqC/THwde2Jeo9SJeWPBEgfuDBxU0U1QqA2rvCGCvtM2RLKdP"
    "zt3txhMI+eiRYCUbS1w3Wj02qqiY4W+aI5mPkmodPc9uyRA9eb2RyVJwsTZaPlpkiOWSnM"
    "sBsIKAya6qYbIVSLRj0ZFwdf2xhmQoUV/HHV721lAkyzVqwmxKhpu4RWbZxcB2AldXaMvM"
    "dnpF99WD7i8ptq8frh3f83LwkS/4BnUVBds2ojSZ3UZsIUKyoaJg8iA6ecjnxB5AzkqzEf"
    "sOyTLydQ6c6pWz927BSJDHgfqRUDWST4fdX6ZmVLK9I4JgevNiehchXIJVq+ybF5UDAxyi"
    "cC8UeojCBRqKMxU0EoUbOqsdiWooGExQYKObG0Q4v8imYhk8YRFDcU8pljEXpRC/edhq/K"
    "LZjmltO4h2gd4iegRntpyO5WfsdQajFQ0VWoAZvbIwrf/sOmQgcj+xCTW1jchvd2X9ddJw"
    "rHnsw93IIqYkMSPIx8meAzJYjuc9OWVbjrKSHoVYLCZuL811VNxP48Gow16GuTHsd2mZdP"
    "ZCxF+fItFvNRfAZW9iOvwZMRKBAM+IVwy2fXdVANx3Vzk9qVPhlSz8WBriQEiEKLcThDSX"
    "p56AcwLOCaztQts3cE68QA+cE3BOnKkAOKczAwucE3BOVAFkDozIX60Unin8cTuPW1K8G8"
    "kBTC1KJ40NjOjtyHxEMlq5i7/ZBEGM36B709ZYAodpqdiyka0taK8w+xNSLfnRsZFsYaQZ"
    "zxr9ACPH3MUbJHilph5ShGAiT/OPsuxBHsW0kWmABNBKnNJKwida9sYPk2mfplG6lo1pj6"
    "Xbh2GfNllSXR1Tmmk6HY8oz2TbHkN2/jRLR3PS8iyziZCdAM+qqMo1FWJB3uWwIO+SLMjC"
    "VFN66mXnUwb3Qyp36UzKy2sU2mIbYkn8W7eT7o+zjreZzo37h5vhYPqFNeh0yUZrr3ClHp"
    "31Ly677TmhkexygCERSKOENEpgWCGNUjytBxjlpVESE6c0pbiXASaxMqm7xqoml4Y+LAVV"
    "bKti75nw5YsIh8UA/aro25jFblRw5YXlAH/w5F0E9OA+OqX7yKdsj0T0izeKoIDuz28Fyg"
    "N7bPfxkMYcEZe1UBdFNnJCKOLrzIiBrDJhp/vBxAQ3uv8XKL/MDss1gHsXjCMmrmGb4ojy"
    "y8pK01Uy/VPOFSWS04VcJqIrqmVS+/3IJP4h8+7ch8YSZLOK7T5LLPnv/dF1vZdYuCWy0Y"
    "IHoT0lJbAguuNkxxXQw0ZYg4fDCj5bpkuLDPjOfs/PaaNX+M3yDZq3prR5MlphC8/JePPW"
    "nWw72FJ02SZ3zVuvP6G1vEWKbFlbJBtI3tcvSAYXNPuoSiEGEFbAZVgBeLCbjuMHNx648U"
    "42nS/ToVPEjQcOHaBVXwL0QKsCrcoXoIdo1SIkyi76GhiU0xm6MS4lxdhNsi3ZBq8XdyuF"
    "aZ66O1sZvm4PFNDzX1qoo8fJltXOsS9tSjVUOqxHJQU8rF/I4Twl2ip5OqdVT+jGUMkqi8"
    "nWoGo+V38hNA122JnsMLo5lkY+JATQgwl8odBDjQBgIzhTAbARnLIR8S2zBkDLMQ+XCmzo"
    "qAAVF15ixQUvHCyFJdrFiWWTQ7uQtMNhEHfYkSldwAofGMjd6KasYhU9ajpGr1yiQgs5K4"
    "xo2U3yRV8j0/Jvxd8cbBmyjh4mw2TMQ43jlghwIGoE6olP6kn4igmDu+7nfgdpazKd58Yv"
    "g9v+uIOeNRWbc6P7cDsgf9FuJuSvHwe0kgJ9E+KvTZGwiPpTm+k3CVrcFw08CcvwrJaqsS"
    "fX10ViT66vs2NP6GexUAm/+A0DqgTWcTkB8X57lbfi7Gb11Q/Z05p+FksB0/4HS4utk+rr"
    "yksBi8gJE/Jz6gQ8b2eXnnBKyZDsyR4TE7A8bRNLS3BoklxLL4N2XE5AuL8vGkaYG0eYCC"
    "SEuLdsBUDcG/hbgPS/ZOiBaQammS9AIe4NsuH4AKtJ1pci1kohfdn1dh7nS9XWSBigvzjZ"
    "urtMRP8B1wpc6zm41i/ju/49o1tX5hpvGOM67Q770w6yZR3bc6P3MJ2N7zpIcW3HXPPBs7"
    "JXKFUtGVSIfz/PqqholX8sYpN/zLbIPybscUidbLr4L1Sk5asiLTBQ2dCLy0BBAVXRtJ4S"
    "6A0FVM97tAbeEXhHvlQAvOMF847nYNMuBe/G6bSc6lIxRPPJtZL1pbp+xyisooVuKk9eZy"
    "k60CekOaykk70yv5JrfniP13/qFe1m7qwwkV7grU3+KXuf/M32Kz+ldEVv+FlFAjA3PkEJ"
    "JaY42EXbOdwgFECquQBSNtmajubpCVZyKPhWlgWpSjzV3uH8Eni9xppOQUuvJtHN4weaaO"
    "kFzThOvQ2eOV8bkA/OzuWboCwhUx7Iq8uCHsirU5JXgcV5JKRBZI2gkIYW0sOQQiuDQpgW"
    "aGVw9rz3C4U2K+29SJOIJonELqPDJi7DNsEjhj5t59GIHqkm0dLtRVlEB61N20GmgVnFd7"
    "ShedOytcTOJ6QZK2xpbNog1fxqsIRq2rUeKeZ6oRmYUnp4ncIX1jVqasCgN9AuW9H/M0jN"
    "TqRtA1HIJ1EYU2OVmJ/YEDwHWrW+PNyQz3qzAe1qH2onMTdG49t+h/Hic8MLOgyOHuePAd"
    "q/XOXO+GExOOVXNrDWqVt7sZcjkD0hkWbIlmV+LUmntUbdyWT8KwGeSc+NSf9+2O2R18DC"
    "G11WOHkTaG0F7ONcRR1h+ROqBD9ja0v24bJK6f/Sn/w+HhEtBCMQxYxZBLRlsgjoaf/zXX"
    "80m0rd0e8dZOPlmpwebUk2tuHPhsPwZ7pOlrjJ+PahNyMDbSxTdRWHRlOPR7Muu+YXzLH5"
    "UDr7qUmN/zQdj9IXvp1APPxNUxz0b6RrdmOLX+vvj67BthS0cDXd0Qz7DX3eP85Ab1OA8u"
    "ntOJPdjoa00QHi9LY/jciuUkolMTFQTO2K8d/jsoqJiYFialfMvvpYKcXExEAxtStGfpY1"
    "hpD0aJkpxG1+oHVSGopo8xNbnQyp3+vLNRwtpX5KUXXvxEHfPOtbJb9fUuVtyqKbaTFHZA"
    "RyBtcWBsUAIpbVyrSqmmCxITiuRcTYop/GA58q+svUjLlBDKrBbNinhpVEpuhkRmwzg0Uj"
    "sfMt66BRxWy6el+kftH77OpF7yFzTPQcIsgce4lah8yxMlsdBN+IDD0E30DmGF+AVs8caz"
    "KS4Q6vF9iaYtvOSIqK3tDOrzNPb5Vs796iIQ3IE/ubjRZYtmjkgfmEDfRqJdPaCq/byFbM"
    "DVbJZRagQGBENFGJ/ttnvlIiGmoa9HCqE0Qr8BmtQNUtUW2nW58Z221Eqh6333mVEbEcPx"
    "SxHD9kW44fEpYj/rbRyNm0gg0RlRTQhrhcmyFpKlr4mbwZVUzFqCTwoDxrGWig7HX0MgkB"
    "KGHN3ZEFCAFeoIe+lcDNcKYC4GY45Wagu2IdM5bn7oqM5CKKGxg9GoidTYTt72kX4cLI7Z"
    "JmkJ+uFs7xoSzUd/SgjKgUeqStEPe8FOOpyHz9RC7qW6Q5NqKEBdJs1jwRq2lsWA0jlmi7"
    "GH9DQuYBZPfwyZfReVGaLosI8ZzNww1fJjsOXm+cMpFGYRGothQ/yQMBeWhr5p2jKERNuX"
    "a1QBUbqMeL0C9Qj9krJlCPQD0C9SgU9EA9AvXImQqAegTqUUyAOaceb8lP78nrjUxU10qh"
    "HSOft/MoR5Yvo/i3NtL7L1gi2VeE5n/c7GrtHGaP/X8C/2xSL7hfQD7vqmjr97zO74mSO5"
    "a2XOLKSW4hcZ4Rb/klQvwst6BIg5/p9gv5hFUeMSpltDVQB8lDVWJfKadmVcYxO1Wa4/zD"
    "iu/D20Lvw9uc9+Ft8n1YmrJeEfcUUQC9EOhkj9eeU7C+MU0dy0aGZ2EnFEN5QaSaWnqCDf"
    "i0hOjNeDyMkGI3g3iB9oe7mz7BnaFObtKcDANeWcnGEkuKa9lpqc15B5uEqDD+nBOTKN4a"
    "UUUFcUnQQDUNAGGfrRBxCXtIGRdN6yneuUTKOP6mOdK+LFvJBTcpLFC5lBOvuuAwA4fZi4"
    "PeN8arLkDp8rAGgdcMvGaXC2gpr1l0BagB2+l+pMtaMgrP19RF8zDU4dMe4HwY55TTcek+"
    "JyH0DcvUdVa7O2WPLNFamvoc+7vBBFpGIpPVdvCmBqCmZBiRIGra2R2aWBnu7ujUO+Dwjk"
    "36Ivk1Qd7L0iQAIWdlme5yhWREx/uE5FA3HNoI5xW93A6EXrdZhf20JJu6hk11vdO72Y8P"
    "h4CAC56bI3I7xwVPtjnHTVlpinmI99In7EOx9w2VcRJ3e7PBL/0O8qRpn4i7+2F/1r+ljS"
    "LWG7qrqXOj/9uAXaKbH1b5cBjbpmtlNQtJf0X2Ejz77Ss6Kevv2+3BJVn4sTzIgZR4zuBG"
    "IlK8HbESTR8TFZCnv1xePumO8RbQSrlvWq3OGM7eMdF0TNY/2fbMkKILZ0xMvJWz/h2KWR"
    "NlD8ohIeD4wb1yodBDPhJ4VjhTQSOelYBEORLSeEqGoNCG9jZITeI1NSncb9FI6xtXhs7u"
    "r2VNn5JxLu90eDY6m9H/GUR24Bo4QGHvHBF152sF6x0xSjQ2AhDG3Oz87RzCeKevhA4yFR"
    "AWEekMVl9DMrL6baW1ZrhOWo/gbAsvLsczui350cEWYjTeung2VhO938CSBkv6hUG/3pAD"
    "Fq4Af0QQVAAWNFjQQkBb0oL2loEa4GV23Cw0nqD4xlbOCMaT/nQ2GfRmYDxzajzv8Uqxni"
    "NgZpvPmN4m7ZR3OPhrbGC0xrZNvhLt/UUlO0gmP1Y2bJm1sJd1RAdtI79I8qvdYbqNqKH+"
    "GpmPflBXMgis/uFT7XocCZCjYi0C9b4+i4pVd4OlJ7xNWPz/ZPFEXmQPGRdKMnNLAjxpRg"
    "r+2S7f4H4IRyrg7F3L1hN26DdIzvC8mgkRuROWTdhdudy6Cabh4G8pvoGfpuNROtghkXiQ"
    "iqY46N9I1+zGjKPW3x9dgy3ZaOFqOtG5/YY+9h+t06uBQhRRQzC1X911f4vP+t5wfOOTvr"
    "tIFDrATYIQ220SJVaZqJR4cSWNROT5O20C5vworb0UxOFxHaO1O1FVDe8+cRhxy1ZW5DXW"
    "sVpyLWtNe1/6tw9DGr29G2Nu/L+H/gO9RL6BS/+e9ke3g9HnDjv/kknArszYn87ceBj1+p"
    "NZl5YRIwssthyZ1hCb/jy4v2fjPmmbDR3lx+6APeiRHJd5CROH/g01uwq8KVNhcYwIQggr"
    "18ujtwpUUHJUErTMs5YfNUOjvdUrqDkmCnrmWc8+vZXq5co2G6JSApoN19dFzIbr62yzgX"
    "4W8yiaVDFEdxm5gxnuxIiUeFC/uypioZG7cuighIVmu4u/cFrk4gx/yzjYhUREADlvjer/"
    "NsunH3ZL1HA8+hzcHuckYllqlpVWvDEb750AoF0ebajXmL26XGblviL1Gvd+ovJ1++KiUD"
    "GramAQVO07E/DUMVoa+ZAQTHkIQ7xM6CGhD8IROVMBlEq8hFKJkMXXYBZf+tG8BpxL1+vj"
    "7JBSuFxi3Cg5jLPtp+DVgHDBQn8Xim3o3MtTezw/ENShMVfe/pseKerf0C4SLRq692DA6B"
    "fzK4vTJKsoc2fbLHzzE3JWGE3vZvdoI9v2V9NSkWYjbCjWdkNmBvqqOStEvsl/KWSm/Re7"
    "aibDResePCVYFBI+eTkZtlFOhcC1s5FWpp2yGeQURwsLCRj12YhPhYG2Ma0UpLMpgbCMSP"
    "ZQbWEcjm5LdMFNn74FuiCG5E8ZB+XIluN4u0SZMKjReNQn0JKle25MZ93JbDacdlAw2txg"
    "fwbjnj1oybWxVbYLaFhGBH/LCVyIwV4t7TbqMt6tdGkRoD+1q+vRMtdS2fkeERJxL20irJ"
    "mBViFCIS4nIN6NrDAW3uhbcrovg3VYRoTV5AQwg688G31xfeXQ21A0raeEMyZ6gICj8kWH"
    "RbwQ6gmckk07JcuQ4wfcl2MDz0zyn2adl2ed+XW5Lmt2M+wqpmS5GcIlVQ65GYLaJAX9DD"
    "9pxl/yFXply4a6MIlKXiM/wLiNvszuhohcRzQbmtaH8H0Gf7P9WhKPpks+XWzRn094+2fS"
    "z1D34KlFKfzJnFZ0ArwOXHodSqZ+H5PzzdvCHzUjP7wvYEV+eJ9pRNKPooebsvwTUE/lqK"
    "cz5GvwhvKpedWVs9alhammrBnZoEeEAPYKsNNtuTTsESGAHRJmgA4CEvBFar0ICcgDE3Vu"
    "7UKaiPjQAw0IuQl8AVqK4MuYutEWKrF1BHq5NxaZPXU3GxrB4X3XBGEa/rhdICp7f3tBxv"
    "TXlYnWru0gw3TQEjvo60pTVoy0fIPIC4YZaemHmbSRbSILf2eTl492Z3c3yKAN1xFZIGXL"
    "RjJamLQaWZI7be4xqSxqsBAzVOg/bMXc4N0/WCtkoFe52VLbOfTqToVFScCdgBAW+ymqtg"
    "TvRpWY450wz2i3usNhB8m6PjfuupOfialE6yruqhDPjS8PNx3qrpkbt5PBfQcFDRrOH3a8"
    "X69KrUERMWEKJp7YsMprGH34zTiyb/SpXo2H0fThZtqbDG76tJSo7S7oxwtMXoru5Fa6Gd"
    "NKo+TloCcdb9udG73x3f2wO6DVSBWTOmg1WpL0rjt66A7pe2W4ss7H6wMEZDb0l0lFFSEg"
    "gRF52YUzeIu2Bm7q3CpohJs6a50HzuZ4XWUeyPdAo4fh8FyZ8l1X1TBR0y22iWkgOxm8TN"
    "pt7Tx+RvYFyE/dSZTotiSr39E4uEfTWqNgqE/oTwLko7b8E61M8tuQ5tho4y50TUGaardZ"
    "ArxjPmEjkvie3m+p7gfk0jIMTOBfuNk22jn8S3YDpcMm0CU0U2rd9WddYrRgR54bn8fjz0"
    "Ni7SxNc6ljPkwYCIJrNgjOW+KSCOd2VPIloKFSxCKso6ES20+qZX+niArxEpw6amsh21hy"
    "rVKse1hGvAzZ60ILz3XOwnOdsvAANwXcFHBTwIjwb7AfG12ia8bTkYElgcU9JEMJBHfU4e"
    "QaNaE03RrKxBWpK3yjUTiRyZVD9wSTrwDPs5vyhwmeLrLxktbjRDZRG1Zp02sZhYgiSsSs"
    "ZGOJJcW1bNP6k/ItlHzRZdtBK2JumNYWaSrauLQDFHr1mdmvr5NUT7OPSiV9/Af6U2LHlg"
    "H9w80e2c6hfyKToZwiEqIQh1DNp0ZfPcl7XysYC0lpaA3HTxpF0kAAszD79RPXLAxtjaWt"
    "w6QsGImVF1v/uFK+401EDhQA6UyXAT0QJKcMGQkZQ0eiOt2PJCiw0RX1MLZqNBbjSHwzIj"
    "wExTp5hKhO9gGLdWYWK4Ath8gKIVuAy6LWoxSo9SCflQ1SKj+k+5zaBluaqSZ4oX3UEKsM"
    "75k3fwBbxCVbRL7jcolTeKKcRtt7ESGc9U2HA/mvSQmE9xLiOebfXRXKh8tJh0skXDmy42"
    "YUYi+QDreTPmEDDrIy0zzZVjnEW5OH0Yglwvnyc2P60Ov1+7f92w6yXUXBWMXq3PixOxjS"
    "S4+ypntRNed/C0J7QUJT+SRZVBJIsksiyR41Q6Nepwpqj4kCBc4zBW6nmsg51Jtx4qZSDf"
    "uXausoRTBPC6HMRHJ3P0CZTAZem8+lwAxJAJxxOBeyo6xwyjkrE86QBMCZ9Fqwoi8VvBZh"
    "OUi2rOq0wJZlWimzOTuJYC/BRxIBfZ4wSQTgTeXkvaDkXmkNhIQAenBkX6oCwJENjmweVN"
    "CIIzvw2tTkZRUsqj8ObWhHgxiBOoGFGIFLihFo1PmNLU1ZtdJ83t4n7VxX9/6eWt3bxyQ5"
    "vBSf9ZEkSLY3+hlbduqLnu0rDYkI6I2+ur4uUj/h+jq7fgL9LMYxbzZlEPZvFxDdt4WSxN"
    "/mJIm/Ta1O4aQeBnLLUzjpHpETUEvn8XDVRiIljIhTbmb/+f/Z8riN"
)
