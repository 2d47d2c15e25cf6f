from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "teams" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(80) NOT NULL UNIQUE,
    "time_zone" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS "users" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "email" VARCHAR(320) NOT NULL UNIQUE,
    "name" VARCHAR(200) NOT NULL,
    "password_hash" VARCHAR(255),
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS "api_keys" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "prefix" VARCHAR(32) NOT NULL UNIQUE,
    "key_hash" VARCHAR(64) NOT NULL UNIQUE,
    "scopes" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_used_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "created_by_id" BIGINT REFERENCES "users" ("id") ON DELETE SET NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "api_keys" IS 'A team-scoped credential. Only the SHA-256 of the key is stored; the prefix is shown.';
CREATE TABLE IF NOT EXISTS "team_members" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "role" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_team_member_team_id_a71b13" UNIQUE ("team_id", "user_id")
);
COMMENT ON COLUMN "team_members"."role" IS 'OWNER: owner\nADMIN: admin\nSTAFF: staff';
CREATE TABLE IF NOT EXISTS "user_sessions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "last_used_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "user_sessions" IS 'A login session of a user; the bearer token is stored as its SHA-256.';
CREATE TABLE IF NOT EXISTS "contacts" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "email" VARCHAR(320) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "contacts" IS 'One person, known by email, across every team.';
CREATE TABLE IF NOT EXISTS "custom_property_definitions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "key" VARCHAR(64) NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "type" VARCHAR(16) NOT NULL,
    "options" JSONB NOT NULL,
    "description" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_custom_prop_team_id_25f651" UNIQUE ("team_id", "key")
);
COMMENT ON COLUMN "custom_property_definitions"."type" IS 'STRING: string\nNUMBER: number\nBOOLEAN: boolean\nDATE: date\nENUM: enum';
COMMENT ON TABLE "custom_property_definitions" IS 'Declares a typed custom property a team may set on its contacts (`custom.<key>`).';
CREATE TABLE IF NOT EXISTS "team_contacts" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "email" VARCHAR(320) NOT NULL,
    "first_name" VARCHAR(200),
    "last_name" VARCHAR(200),
    "phone" VARCHAR(32),
    "country" VARCHAR(2),
    "lifecycle_stage" VARCHAR(16) NOT NULL,
    "tags" TEXT[] NOT NULL,
    "custom" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "contact_id" BIGINT NOT NULL REFERENCES "contacts" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_team_contac_team_id_834063" UNIQUE ("team_id", "email"),
    CONSTRAINT "uid_team_contac_team_id_c3cc70" UNIQUE ("team_id", "contact_id")
);
CREATE INDEX IF NOT EXISTS "idx_team_contac_tags_60aa05" ON "team_contacts" USING GIN ("tags");
COMMENT ON COLUMN "team_contacts"."lifecycle_stage" IS 'SUBSCRIBER: subscriber\nLEAD: lead\nENGAGED: engaged\nCONVERTED: converted\nLOYAL: loyal\nAT_RISK: at_risk\nCHURNED: churned';
COMMENT ON TABLE "team_contacts" IS 'A contact''s CRM record inside one team.';
CREATE TABLE IF NOT EXISTS "events" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "type" VARCHAR(100) NOT NULL,
    "occurred_at" TIMESTAMPTZ NOT NULL,
    "received_at" TIMESTAMPTZ NOT NULL,
    "properties" JSONB NOT NULL,
    "client_event_id" VARCHAR(200),
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_events_team_id_641ebb" UNIQUE ("team_id", "client_event_id")
);
CREATE INDEX IF NOT EXISTS "idx_events_team_co_644716" ON "events" ("team_contact_id", "type", "occurred_at");
CREATE INDEX IF NOT EXISTS "idx_events_team_id_4ed330" ON "events" ("team_id", "type", "occurred_at");
COMMENT ON TABLE "events" IS 'Something a contact did (page_view, purchase, lesson_completed…). Types are open.';
CREATE TABLE IF NOT EXISTS "hubs" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "description" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_hubs_team_id_bb6de1" UNIQUE ("team_id", "slug")
);
CREATE TABLE IF NOT EXISTS "hub_memberships" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "role" VARCHAR(16) NOT NULL,
    "onboarding_state" VARCHAR(16) NOT NULL,
    "terms_accepted_at" TIMESTAMPTZ,
    "notification_preferences" JSONB NOT NULL,
    "banned" BOOL NOT NULL,
    "banned_at" TIMESTAMPTZ,
    "ban_reason" TEXT,
    "joined_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_hub_members_hub_id_3ba766" UNIQUE ("hub_id", "team_contact_id")
);
COMMENT ON COLUMN "hub_memberships"."role" IS 'MEMBER: member\nMODERATOR: moderator\nHOST: host';
COMMENT ON COLUMN "hub_memberships"."onboarding_state" IS 'NOT_STARTED: not_started\nIN_PROGRESS: in_progress\nCOMPLETED: completed';
CREATE TABLE IF NOT EXISTS "orders" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "status" VARCHAR(24) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "total_amount" BIGINT NOT NULL,
    "placed_at" TIMESTAMPTZ NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_orders_team_co_c78e2a" ON "orders" ("team_contact_id", "placed_at");
CREATE INDEX IF NOT EXISTS "idx_orders_team_id_16d311" ON "orders" ("team_id", "placed_at");
COMMENT ON COLUMN "orders"."status" IS 'PENDING: pending\nPAID: paid\nREFUNDED: refunded\nPARTIALLY_REFUNDED: partially_refunded\nFAILED: failed\nCANCELED: canceled';
COMMENT ON COLUMN "orders"."total_amount" IS 'minor units';
CREATE TABLE IF NOT EXISTS "products" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT REFERENCES "hubs" ("id") ON DELETE SET NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "entitlements" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL,
    "starts_at" TIMESTAMPTZ NOT NULL,
    "ends_at" TIMESTAMPTZ,
    "source" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "product_id" BIGINT NOT NULL REFERENCES "products" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_entitlement_team_co_3fe598" UNIQUE ("team_contact_id", "product_id")
);
COMMENT ON COLUMN "entitlements"."status" IS 'ACTIVE: active\nGRACE: grace\nREVOKED: revoked';
COMMENT ON TABLE "entitlements" IS 'What a contact holds because of a purchase; access rules read it.';
CREATE TABLE IF NOT EXISTS "order_items" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "quantity" INT NOT NULL,
    "amount" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL REFERENCES "orders" ("id") ON DELETE CASCADE,
    "product_id" BIGINT REFERENCES "products" ("id") ON DELETE SET NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "order_items"."amount" IS 'minor units';
CREATE TABLE IF NOT EXISTS "segments" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "rule" JSONB,
    "rule_text" TEXT,
    "tags" JSONB NOT NULL,
    "member_count" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_segments_team_id_b4233f" UNIQUE ("team_id", "name")
);
COMMENT ON COLUMN "segments"."kind" IS 'DYNAMIC: dynamic\nSTATIC: static\nCOHORT: cohort';
CREATE TABLE IF NOT EXISTS "segment_memberships" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "joined_at" TIMESTAMPTZ NOT NULL,
    "segment_id" BIGINT NOT NULL REFERENCES "segments" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_segment_mem_segment_1c88a4" UNIQUE ("segment_id", "team_contact_id")
);
CREATE INDEX IF NOT EXISTS "idx_segment_mem_team_co_80e6c2" ON "segment_memberships" ("team_contact_id");
COMMENT ON TABLE "segment_memberships" IS 'Current members. Access rules, drips and audience syncs read this table.';
CREATE TABLE IF NOT EXISTS "segment_membership_changes" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "action" VARCHAR(8) NOT NULL,
    "cause" VARCHAR(32) NOT NULL,
    "cause_ref" VARCHAR(200),
    "at" TIMESTAMPTZ NOT NULL,
    "segment_id" BIGINT NOT NULL REFERENCES "segments" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_segment_mem_segment_c3c58c" ON "segment_membership_changes" ("segment_id", "at");
CREATE INDEX IF NOT EXISTS "idx_segment_mem_team_co_099c49" ON "segment_membership_changes" ("team_contact_id", "at");
COMMENT ON COLUMN "segment_membership_changes"."action" IS 'JOIN: join\nLEAVE: leave';
COMMENT ON TABLE "segment_membership_changes" IS 'History: every join and leave with its cause (recompute, event id, manual).';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXWtz4jgW/Ssqvmy6KpPqkE46y0xNlUNIh2kCKSA9j86UR9gCvDEy40fS7Gz/95X8wG"
    "/HBhuEoy/dQdaV7XNl6d6jq6t/GgtNRqpxIiyVz2jVaIF/GhguEPkjcuUYNOBy6ZfTAhNO"
    "VLsqXCriE1rZhXBimDqUTFI+haqBSJGMDElXlqaiYVpbACaCix8MSVsiGUg6khE2FaiegA"
    "FWV8CcIzC6FX5onl8AbWr/JG0DxQCGqZHKP9pFSx1NlW926Vx7wSf01rImkXsreFbpXSys"
    "/G0h0dRmiFTRyb2+/kmKFSyjb8jwfi6fxKmCVDkEqSLTBuxy0Vwt7bIrZdbF5o1dl77DRJ"
    "Q01Vpgv/5yZc41vBZQsElLZwgjHZqI3sHULYoztlTVVYkHvfOwfhXnKQMyMppCS6XaotLO"
    "A/hlDVHsD8biqDMWxUZMk55EAHa3SNIw7QXkUQ0bgBl9hB/+3WyenX1svj+7uDz/8PHj+e"
    "X7S1LXft74pY/fnYfx0XKasjHrfur2x/SBNNLVnD5IC77bMtCEjpStDB99+/8Y/u051JPR"
    "9+pH8CcvFsXfQztLAV6BrwH/89iFChbwm6giPDPn5Gfz/fsMeL8Iw/atMDwitd6FQe67l5"
    "rONYq3j6/zsRRB2JcoB+P9dvIQwmfNHACfNVPxpZfC8JLhSZxDY14E4KBM7SC++JAD4osP"
    "qRDTS2GI7cnCiAP8y2jQTwbYl4jAKyuSCf4HVMWIjdZljRaNn6YWliiGYGIpqqlg44Te7+"
    "dGRfBnwE0Roi0vDONvNQjz0Z3wW1QD7d7gyoZMM8yZbrdiN3AVUQeZtClkIjTjKrkmV0xl"
    "gZLVEpaMqsYVPfH+OMThnLygTA0Z9wvMUM24e9cZjYW7+5B+roVxh15p2qWrSOnRRURn60"
    "bAr93xLaA/wR+DfieqxnW98R8N+kzQMjURay8ilAODhVfqoRbSugoNU7SMjfQelS1B8+4j"
    "s6L4A1G0h0mmpnX0rD1tpOewJNcyy1r2xuLJSizq/8REX3eF2NftLp0hXwvUGS6Mf0BoI+"
    "SZmzV3Bj2lAKZPiW4oBTWuhhtNR8oMf0YrWxVd8twQS0n+p8vLjN1mDkwF370+5pX6H6gO"
    "X9acSbDrkXcnb4xMx9cRRm3hutNIGWJKAPbBQHk8I8ZGlby4xobUELrkKUD/oddr2B14Aq"
    "WnF6jLYqgn0ytaU4uUrOvGLy2ai2gJxHBmY0Rfhj56sFMnkJBeZ0+nIGl/ycc/pkPKmT2G"
    "R9RjzuztjdkzVGtWBF+vfu0op8s84F6mY3sZg5b6J+J/NVyo/4aEdteJGw/jdlXcUtXUHu"
    "eS0qGvF5cUM73TTRm/ewRXMCOzuCt583mIVGhjm2o6+mulB9YF0qzH0Ce0QIsJ0reEiFpy"
    "d3ZDdYVJsgxTW4hLXVsi3VSS1hOKANa2m7t3Wltdo6mCFU+ijvChZ0Srb4VZh7ZRV4DIVZ"
    "P4NyV8h22npboCNbcmW4J0a01qDI7oDuhzZbk9TnfrtuqKGA0fMlW0KGF48luqK1iaLm9t"
    "KgxoG7UGSFRMtCgDpS5pp65IEUNKtrae7+6dVuoKkoFmJQxMI6eVmoNU3rzn4lX/uc9DTp"
    "pDPNvWo4mh1rZbrRN2Va+RuB50ykqJ719nr5eIAY++3GWTr+tVTouupv3Jl1EOYRlF19QU"
    "GrqDrUVs+TQckePKsryk0hj82u8MW0B7IU/ziIXru26/BaC8UPAjHo2Fm5sWIK83nTbyKS"
    "1EWZ9e5KCsT6NcqE9Z00ucsn6blDUP1GEiRorOVYWhDwhx6HmMFLMxUpYb1rSb6KhDhTTw"
    "NSdDup+4KBv1BGvf00a6nU9fiMdFvVGDHi2goiZb9MnwrwVqF7lz1swTukNqZezIiwXvsB"
    "931mjsBN1q9pNCw3jRyNBZdNdjTHAjvBkL8I0Afn6eB/Dz83TA6TXucL5Nh3OjGKm1kncb"
    "K8XYd1gkVGr7FYb6h0sZyDBIu1viRA3hkdNSnYCq2qfwIEtxLQKIZnsYYlCLeTLAqNpMwc"
    "CVoglYIKDtOFlXJgjqSAem9oSwn5EFQAMopuFlbUnK+FJSq9zfOVB/x9ZtYXMxLFU7z4fH"
    "0nM7sYyFCfRtqZDWNtB6WLKGWj8QLXuY8PQbXNMtnn7jbWiZL2qysqjJV+AOeAXO2yuT4C"
    "kHttGke8nBXTuvO8gDjMAS6YaGj8ET+bIxmKyAvThzDKCka4YB0DPSV3aO07gnXFycu7wM"
    "jynHfIlvb0t83NdNR79evu5GayJ2CI6OJE2X+YbMXTPYqVujkybpjG3UGbN2aC/3iuLmyu"
    "WcyK+RpELSLwEEVN8ycFoEXou0nCgeLOAKGMgEGrbZaM9aAEd/OQInPz2h1c9/vYvP9ZXc"
    "ITOkn9TjEf2HYR08oYSMaJnposuzDPY9O1VMgpP3RoUMr7VADeGtJP7HBigR4Ne3o3iyLG"
    "PdGI2H3f4nuueEQv2I+w93V3R/Cnm7Cd2gcjUY9DpCvwUmmqYiiB8xtY1agNqMj7hDqrcA"
    "IpWjc8J+tqtoSzN5HT89e3pAhKdPD5nGZaRPDz5mTClj9C1lBo6I1SBWMcsx6fw2zgZ+7Z"
    "f0Bv1PXvWoNrjP+DZ9Rr5xi0Wine8eKmX30H6Idid3V4IHv07qle6u+7nDXvfMR9qC+LYE"
    "SOIgu84wkBUZHC3Jc4nPCno5BktLl+aQSqvIMAhKkrZYUpzkR6v5vnnx7gSMaXcFxAEHxN"
    "1OOIasuttk+uiSqtB8DTYgVMlRf92pKUo+4eRZzJokWbruzEFEyG8ysQL3+5n0+9Ndp5Rp"
    "6ADcpQ1d09Ncrulphmt6GndNg99AQRMvIlpDG+9AbLqcMTISUp43DJIJidZQ0TU25rOyt6"
    "bzGWEpNigNetvaUBpRs6bAFJcgWsNtgZXwsNyx3VdGkqCRvpkKwsJcFZxjYIpjSOvsJUFb"
    "v4CKRITDHzlLbE5QCSnZCnOFTwZfM/cmQ7f+vwzQHt4BJ0oHEJtIkRHQMEoJniwgl0nBOI"
    "F2IQrF69xRNuafhg8neeeZQcXothnd21bp4uzC53YZr8OT4cu+4TeCCP3tKJvTMszRMvsO"
    "1tz3xF19uOZU0Q1TLJqXJSzF3YJcboG92aso0iEhDnS+PDjzgseDrQXqB/BZM9eYkTFkxA"
    "K8NQubeqEwuYBI/RDOA3A6vjF4VWWKpBWpJxJ7fbZxPFdCMzsMTDGsCUXWzcJSKMTr4WrU"
    "HnbtsC6/lUfc6wjXLaAiKNNArk/Cp841jeWaUSv6EbcH/S+d4ZiWEV09I50uBeLe4HehR4"
    "S0FVQfsTAWh93R5xaApqgrxhORun0Y9m2ZuaVjJEct2/2EhdnmbEzrgq7DVQpt4QpE9PtW"
    "QsFoiNHXP6ODlB2iXYSK9iU4DV0+Dc0DvN7gmpC1lDfUeliSa50VrScsAacdt1eYfefEe5"
    "lrIHz5ia95HBIjn3fNo7zljvovdWy3ysFPmM3COtQp+dmg/GxQfjbo/gDi5xRuixw/p3D/"
    "2Rno4dkJS/7umdrpS/3esd1VnUhoqNaM5y9gx+E4zlgwZ/+AjcNeWrS/hQL4evVriO9lHn"
    "gv09G9jIHL91/z/dfM9fnDJGr5/mvmpm3OE+5v/3UFB828CZpmqWuyJW1L0dw7reQAibFA"
    "n325gYGOlewQhntepmsYJUXK9hLnjnsa2ovAnUVmZp3jDGfxsI6vd4fugjZ3467j5AhzpB"
    "/x3eC6MxTGA1pEPhjylBopvR2Mxi0w15wYn/0HgWl4opGRhDwCjd8zN1ZTUjs7VBnWTHpf"
    "Go5XVG/2tbHgBPUF2nnE3b54Pxx8GnZGoxZQME02Sq1ig4YB3t33Om4YoJsRhA19mkhfGC"
    "KUJLTczNFKbIAfJMFOHEzcvyKdVpkqkm0ckU6KpkhH5BsttEE+qw0ep5hNhGwQpziB2I0D"
    "jtgkTj7JZB35QhGN0CyUValiXbJb1GmGzRDqV90ov2Tn5Dw6tVVAKilmyBqJYr3BUBgS5E"
    "Mgy0MgUZWoI2gUI3TDUnXYMbJrQvc/mrLZtxUS5HQuKx9bHjqX+vpF/WlfhpO5PN72QKHn"
    "6V74kgZjKqgk9NllWrdE1A0nqimg/oTG0+e8xfQ5wWjgpJTI4WDhjMTIkfjk17Pn/DqHZi"
    "Bl8VwjjwsmSIKWgYA2JZe8rMU/AkrjGQbQLRWRf4lFChQznlenlBZTI/uCPd9d5uPrNuxM"
    "rccZ6zaUybcSaMR8SwK+9A4XAkhHU569Z8m9BiC0x90vnRZwpB/xp6HQJj9nBCvya9j5Mv"
    "hMuX73dGU2mH57mWKTQ99DgjV0vQ/E1c7FayEsb6LigBjnLVnWr6GRmbVQILUvscNR1Zv/"
    "q1p+qfpIOB53mg59fYlKnhaiblpPGFPTQgkLs3RhOU7QcZr6QKHnNDWnqRlTQSU0NadVq6"
    "RVE6bUEkDOH6F/qACHzQiWKGsnM0MCWb1O2ZBOU/uZIcoN64/wwAmMsQqlhCPvAsWcO+bc"
    "cUksB1QKR4/fd/rX9lHhS4Rl+6zwe6F7TX6StihzfPPQv3ao46lF7i3T68NxV+j1fhf9q0"
    "uomwpU1ZXo17sRuj16bQoV1U49K/TbHbtEopCpm/HQzTzcSjOdW2nGuRV6aB6WiuVpDsjs"
    "UMGWUVS/GzJYZzlAPktPhR0L6tdMqIpwQbNbF7TpI5K7M+jfF/yQFgrWdEBu4ayDsjXMBU"
    "yh9cQT00M2pRQSrCGjdLgMUpw45HRx+ld3mMQhT1PAoPHIeStGVMF5K85bHQLCZeWZVUy0"
    "KCPNZZe0UyPMK8024QOWxkB5aL7CQolr7VVKRXFaiUla6W8L0ojZBLYhVQFBkd0ZBqfVqq"
    "F5+uHjh8uziw9r9NclWaDHTa9NWAXOJ5Rm+bpDWsExJSjFbd3NyZz9hYowFlPJI0XeAPTc"
    "zdulm6d5q6pbYlq3hPpRUINzGZuhCIyN1SVEIpBHAP2HXm9foQge9gmuYEAt6Y5gMF0k9w"
    "LfnhfIs89Xm32eJ0jfUz4df/tiZGjJygvmC+0wL5g36BxsWjC+yJs+wtR3kXcPyYsYMx+5"
    "q/8GoOeufl0T5jA2mmyZLyePI8oPc9z8MEdxx0vdB9I7K13pdk8nbCSQG96l4yxywz0qsd"
    "Kj9uzn4ll4mJmvjznZwcmOnGjXhux4Im+Z3LFf3yDkybLcyRvXv/eFu267BeQVeWdFesTE"
    "ex3TArq/if5uD24HwzE9RWKu6YwcCUJzu8XVkn50gFd/q2MC2DQckjCt5DwAiqFokrGmyA"
    "gUEuLZy4sPQCacFTokw6vPxoEY9H61ORDDOTWJYJ0YjJZqaUbFmI1H21t8H6e506GuL83N"
    "U1/VTeseRlmprzjJzkl2FlRQGsmehxQu7aBdl5yr/2G70hziWdLxcFuh1bZbrRNmOyCJsw"
    "/gTeyRrxLHhQ/ibbTtdByme3SpcQKEQJb3YyCTqgaAWAbQkhV6LCAwVlhy87+bc8UA9jPE"
    "M8uX2XAin234hHrmwcBfEy5zqps5qpsfJ1YvozWPq+KNWkW/vLAcN115aM6BQs/zXnAHjj"
    "EVVBIlFbDVtkQ1EEZRU2DDkxvPKcJqTpGduoiuh53HUfSd8SLuohhgBl73Gm8Vw9T0VQug"
    "Z6SvADXBbV9ORfAZgRfFnAPFNIBzjNiRjiRtsbRM0hCpT3xCRT4G5N0tqL6LO44lt50n82"
    "xgeApmmw1+VTzdLLOeI5SS43fyRZP40kzHk/wy6PZb9sfwiHsdgZ5YZn8Q0c8nT9zIZY6w"
    "kcvUqJHLWBZY+iUmw5+yuugJsIz4hmFqZ80c4J410xPANhPhpcmBC0PsCdUhPmQHwYDFqS"
    "fOOXHOiXvbuaZvzjmxAj3nnDjnxJgKOOe0Z2A558Q5JwHpijRvJFBM7pXjLEYJ+nWYScrz"
    "VviXLQOG05mVZ6QbqdRKMrQBkRp6983z8zx+5/l5ut9Jr0X8zuWyCMJu9Rqie5rLqz/N8O"
    "pP4149HXATzYD0vR4Bkd1v99jPHpvSNnbEbNxdTmbf/w8FrSb8"
)
