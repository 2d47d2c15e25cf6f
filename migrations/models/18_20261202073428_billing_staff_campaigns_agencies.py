from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "audit_entries" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "actor" VARCHAR(400) NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "target_type" VARCHAR(64) NOT NULL,
    "target_id" VARCHAR(128),
    "details" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "actor_api_key_id" BIGINT REFERENCES "api_keys" ("id") ON DELETE SET NULL,
    "actor_user_id" BIGINT REFERENCES "users" ("id") ON DELETE SET NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_audit_entri_team_id_dc2333" ON "audit_entries" ("team_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_audit_entri_team_id_1df490" ON "audit_entries" ("team_id", "action");
COMMENT ON COLUMN "audit_entries"."actor" IS 'the user''s email or the key''s name and prefix, as then';
COMMENT ON COLUMN "audit_entries"."action" IS 'e.g. segment.updated, api_key.revoked';
COMMENT ON COLUMN "audit_entries"."target_id" IS 'the target''s global id';
COMMENT ON TABLE "audit_entries" IS 'Who changed what in a team: written through `app.teams.audit.record` by every domain.';
        CREATE TABLE IF NOT EXISTS "team_invitations" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "email" VARCHAR(320) NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "accepted_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "invited_by_id" BIGINT REFERENCES "users" ("id") ON DELETE SET NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_team_invita_team_id_a9e40f" UNIQUE ("team_id", "token_hash")
);
CREATE INDEX IF NOT EXISTS "idx_team_invita_team_id_0abee3" ON "team_invitations" ("team_id", "email");
COMMENT ON COLUMN "team_invitations"."role" IS 'OWNER: owner\nADMIN: admin\nSTAFF: staff\nANALYST: analyst\nMODERATOR: moderator';
COMMENT ON TABLE "team_invitations" IS 'Staff invited by email; the token is mailed once and only its SHA-256 is kept.';
        CREATE TABLE IF NOT EXISTS "disputes" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "stripe_dispute_id" VARCHAR(255) NOT NULL,
    "stripe_charge_id" VARCHAR(255) NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "reason" VARCHAR(64) NOT NULL,
    "status" VARCHAR(32) NOT NULL,
    "effect" VARCHAR(8) NOT NULL,
    "product_ids" JSONB NOT NULL,
    "opened_at" TIMESTAMPTZ NOT NULL,
    "closed_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "payment_id" BIGINT NOT NULL REFERENCES "payments" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_disputes_team_id_7217f7" UNIQUE ("team_id", "stripe_dispute_id")
);
CREATE INDEX IF NOT EXISTS "idx_disputes_team_id_0552e1" ON "disputes" ("team_id", "opened_at");
CREATE INDEX IF NOT EXISTS "idx_disputes_team_id_178840" ON "disputes" ("team_id", "team_contact_id");
COMMENT ON COLUMN "disputes"."amount" IS 'minor units';
COMMENT ON COLUMN "disputes"."status" IS 'Stripe''s: needs_response, under_review, won, lost, ...';
COMMENT ON COLUMN "disputes"."effect" IS 'the team''s policy when it opened';
COMMENT ON TABLE "disputes" IS 'A chargeback on one of our payments, as Stripe last reported it (reports read these).';
        CREATE TABLE IF NOT EXISTS "campaigns" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "hold_reason" TEXT,
    "send_at" TIMESTAMPTZ,
    "rate_per_minute" INT,
    "audience_count" INT NOT NULL,
    "next_batch_at" TIMESTAMPTZ,
    "scheduled_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ,
    "finished_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "template_id" BIGINT NOT NULL REFERENCES "email_templates" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_campaigns_team_id_17f4e1" UNIQUE ("team_id", "name")
);
CREATE INDEX IF NOT EXISTS "idx_campaigns_team_id_7266fd" ON "campaigns" ("team_id", "status");
COMMENT ON COLUMN "campaigns"."status" IS 'DRAFT: draft\nSCHEDULED: scheduled\nHELD: held\nSENDING: sending\nSENT: sent\nCANCELLED: cancelled';
COMMENT ON COLUMN "campaigns"."send_at" IS 'UTC; null: as soon as it is scheduled';
COMMENT ON COLUMN "campaigns"."audience_count" IS 'recipients materialised at start';
COMMENT ON COLUMN "campaigns"."next_batch_at" IS 'rate limit: the next batch waits until then';
COMMENT ON TABLE "campaigns" IS 'A one-off send of a template to segments (minus exclusion segments), now or at a time.';
        CREATE TABLE IF NOT EXISTS "campaign_recipients" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "segment_id" BIGINT NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "skip_reason" VARCHAR(32),
    "error" TEXT,
    "claimed_until" TIMESTAMPTZ,
    "claim" BIGINT,
    "sending_at" TIMESTAMPTZ,
    "sent_at" TIMESTAMPTZ,
    "to_address" VARCHAR(320),
    "message_id" VARCHAR(255),
    "opened_at" TIMESTAMPTZ,
    "clicked_at" TIMESTAMPTZ,
    "unsubscribed_at" TIMESTAMPTZ,
    "bounced_at" TIMESTAMPTZ,
    "campaign_id" BIGINT NOT NULL REFERENCES "campaigns" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_campaign_re_team_id_7e1ba2" UNIQUE ("team_id", "campaign_id", "team_contact_id")
);
CREATE INDEX IF NOT EXISTS "idx_campaign_re_team_id_42bb52" ON "campaign_recipients" ("team_id", "campaign_id", "state");
COMMENT ON COLUMN "campaign_recipients"."segment_id" IS 'the audience segment it came through (totals per segment)';
COMMENT ON COLUMN "campaign_recipients"."state" IS 'QUEUED: queued\nSENDING: sending\nSENT: sent\nSKIPPED: skipped\nFAILED: failed\nUNCERTAIN: uncertain\nBOUNCED: bounced';
COMMENT ON COLUMN "campaign_recipients"."claimed_until" IS 'a batch job holds it until then';
COMMENT ON COLUMN "campaign_recipients"."claim" IS 'the holding batch''s token';
COMMENT ON TABLE "campaign_recipients" IS 'One contact of a campaign''s audience, at most one per (campaign, contact), ever.';
        CREATE TABLE IF NOT EXISTS "campaign_segments" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "excluded" BOOL NOT NULL,
    "campaign_id" BIGINT NOT NULL REFERENCES "campaigns" ("id") ON DELETE CASCADE,
    "segment_id" BIGINT NOT NULL REFERENCES "segments" ("id") ON DELETE RESTRICT,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_campaign_se_team_id_0f659d" UNIQUE ("team_id", "campaign_id", "segment_id")
);
COMMENT ON TABLE "campaign_segments" IS 'One audience segment of a campaign: `exclude` ones are taken away at send time.';
        CREATE TABLE IF NOT EXISTS "agencies" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "health_thresholds" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL UNIQUE REFERENCES "teams" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "agencies" IS 'An organisation owning many teams (its brands). It lives on its home team, the team it was';
        CREATE TABLE IF NOT EXISTS "agency_api_keys" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "prefix" VARCHAR(32) NOT NULL UNIQUE,
    "key_hash" VARCHAR(64) NOT NULL UNIQUE,
    "scopes" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_used_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "agency_id" BIGINT NOT NULL REFERENCES "agencies" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "agency_api_keys" IS 'An agency-wide API key: its scopes in any brand (chosen per request). Only its SHA-256 is kept.';
        CREATE TABLE IF NOT EXISTS "agency_brands" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "agency_id" BIGINT NOT NULL REFERENCES "agencies" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL UNIQUE REFERENCES "teams" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "agency_brands" IS 'A team owned by an agency (a team belongs to at most one).';
        CREATE TABLE IF NOT EXISTS "agency_members" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "role" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "agency_id" BIGINT NOT NULL REFERENCES "agencies" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_agency_memb_team_id_52c30e" UNIQUE ("team_id", "user_id")
);
COMMENT ON TABLE "agency_members" IS 'A user of the agency: signed in once, they act in every brand with their agency role.';
        COMMENT ON COLUMN "team_members"."role" IS 'OWNER: owner\nADMIN: admin\nSTAFF: staff\nANALYST: analyst\nMODERATOR: moderator';
        COMMENT ON COLUMN "entitlements"."status" IS 'ACTIVE: active\nGRACE: grace\nON_HOLD: on_hold\nREVOKED: revoked';
        ALTER TABLE "stripe_settings" ADD "dispute_policy" VARCHAR(8) NOT NULL DEFAULT 'hold';
        ALTER TABLE "subscriptions" ADD "collection_paused" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "email_settings" ADD "dkim_domain" VARCHAR(255);
        ALTER TABLE "email_settings" ADD "dkim_selector" VARCHAR(63);
        ALTER TABLE "email_settings" ADD "dkim_private_key_encrypted" TEXT;
        ALTER TABLE "email_settings" ADD "track_opens" BOOL NOT NULL DEFAULT False;
        ALTER TABLE "email_settings" ADD "track_clicks" BOOL NOT NULL DEFAULT False;
        COMMENT ON COLUMN stripe_settings."dispute_policy" IS 'KEEP: keep\nHOLD: hold\nREVOKE: revoke';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        COMMENT ON COLUMN "team_members"."role" IS 'OWNER: owner\nADMIN: admin\nSTAFF: staff';
        COMMENT ON COLUMN "entitlements"."status" IS 'ACTIVE: active\nGRACE: grace\nREVOKED: revoked';
        ALTER TABLE "stripe_settings" DROP COLUMN "dispute_policy";
        ALTER TABLE "subscriptions" DROP COLUMN "collection_paused";
        ALTER TABLE "email_settings" DROP COLUMN "dkim_domain";
        ALTER TABLE "email_settings" DROP COLUMN "dkim_selector";
        ALTER TABLE "email_settings" DROP COLUMN "dkim_private_key_encrypted";
        ALTER TABLE "email_settings" DROP COLUMN "track_opens";
        ALTER TABLE "email_settings" DROP COLUMN "track_clicks";
        DROP TABLE IF EXISTS "audit_entries";
        DROP TABLE IF EXISTS "agencies";
        DROP TABLE IF EXISTS "disputes";
        DROP TABLE IF EXISTS "team_invitations";
        DROP TABLE IF EXISTS "agency_members";
        DROP TABLE IF EXISTS "campaign_recipients";
        DROP TABLE IF EXISTS "campaigns";
        DROP TABLE IF EXISTS "campaign_segments";
        DROP TABLE IF EXISTS "agency_api_keys";
        DROP TABLE IF EXISTS "agency_brands";"""


MODELS_STATE = (
    "eJztvWt32ziyLvxXsPSlnfUq2R3nMjnOvLOWbCuJp2XL27K7p8+4F0ORkIU2RXJ4saPZs/"
    "/7AUBSvIEUSVESRNeH6YlFFCg9hVs9Vaj6n97C0rHhvhnY5Be87J2g/+mZ6gLTf2Se9FFP"
    "te34c/aBp04N3lS1ifKIl/xDdep6jqp59POZariYfqRjV3OI7RHLZK0HyMPq4rWrWTbWke"
    "ZgHZseUY03aGwaS+TNMZp8G7w+/vARWTP+J+0bERe5nkUbf+Yf2Q6ekR/807n1bL5hr9Yt"
    "jb6bmA9bfYtvkn/5WPGsB0ybOPRd//yDfkxMHf/AbvSn/ajMCDb0FKREZx3wzxVvafPPTs"
    "nDhel94W3Zb5gqmmX4CzNuby+9uWWuBIjpsU8fsIkd1cPsDZ7jM5xN3zBClUTQB182bhJ8"
    "y4SMjmeqbzBtMengC8Sf9RTlanyrTIa3itLLaTKSSMAefqRZJhsF9Ku6HIAH9hVe/5/j43"
    "fv/nL887uPnz68/8tfPnz6+RNty79v/tFf/jf4MjFaQVccs4uvF1e37AtZdKgFY5B98L9c"
    "RvXUQIorI0af/38O/7O56ojRj9pn8Kc/LIt/hHaZAqIPYg3E02MXKlioPxQDmw/enP55/P"
    "PPJfD+Org5+za4OaKtXqVBvgofHQfPGN4xvsFkqYNwLNEOxvsd5CmE3x1XAPjdcSG+7FEa"
    "Xro8KXPVndcBOCnTOYg/vq8A8cf3hRCzR2mI+Wbh5gH++2R8JQY4lsjAqxPNQ/9BBnFzq3"
    "Vbq0XvrzPf1BiGaOoTwyOm+4a972+9LcFfAjdDiPW8cN1/GUmYjy4H/8hq4Gw0PuWQWa73"
    "4PBeeAenGXXQTZtBpqheXiXn9IlHFlislrRkVjWh6JvoH4e4nNMfqLODTDgDS1Rze3E5nN"
    "wOLq9T+jkf3A7Zk2P+6TLz6dHHjM5WnaDfLm6/IfYn+r/jq2FWjat2t/+3x76T6nuWYlrP"
    "iqonFovo0wi1lNYN1fUU322k96xsC5oPv7Isij8QRUeYlGrawU/WYyM9pyVByzJrOVqLp0"
    "ulrv2TE11vCsmv210aQ7EWmDFcG/+EUCPkpds1dwY9owBmj0IzlIGaV8MXy8HkwfwFL7kq"
    "Luj3Vk1NZH+GvMxt2M2BqeB/ozEWfRpPUEd9XnEmyaFHfzv9xdgLbJ3B5GxwPuwVLDEtAH"
    "vn4iqWkWSrSlVcc0tqCl36LdDV3WjU4wN4qmqPz6qjKwUjWfV14inYpN9MZDWdhuJffrnB"
    "hsp/UCHoA9bVkPa07A70mbOObTme4uKHBWZyG6F1wzujQ3oSdNehdYAPPOvYSgy41FDMP1"
    "ocL7KfqKb6wH8Sezd7U36UiZju1BgsYbuzw3495f3b3ELaXDXpt0LPc9VDxEQqJ6hP0LND"
    "PA+byJs7lv8wR9/pm9+wR+4b/qY3DtYsR/+OpkuEn7CzRLq1oIjlKe+tvWU95f3P1baWML"
    "1pm/hzlTMVvT+AHJeSHKfqsZw61OJKQGZ6vMecOD7d0H9yEabD2UCWE/l66EfsxyPV1EM/"
    "Tx+pLntqZmdWFTbyfSVK/X0Jpf4+T6mHk6aeWsRbh1x6wW8e3qBwM3zj28xS1yn8gR/xTW"
    "jeN1FD+6Swpzp02QtwrKGIjJjM2pCGfw8xE+0Ea4EWbgfVYN7NeZKvRcGXpUvPg2FNVQOR"
    "RoP87fGnCtDTVoXY82dp8HXs0QWylvcjISKH+4O9Ftwf4P6QlC+t4v7g5yol3AlrM3YiaS"
    "BNm5KmAZrs/NhQEQlR0AJQ1wcBPVDXu6Su43UCqOs1uOaW1ALqunA3bQHhOBq2yxinzw+1"
    "PQTbpHD52iEgb6M1pZi25WRnJbq2GFWI/ZV44+qX0JsQ+7vd2F/X8B/q4Bu171xQ6qcq4H"
    "4qxvZTDlpmoiv/tsx67GNSaHeDuHd3e7Yt+mXb5CPQLcXQd4tuyVk4lYIdEnecNohzqHp+"
    "lG0IVApy2FdAyEGCRcwn4nEUNoSKHX0vVp11Fa4FXkyx0wJUl7yjrsKk+a5nLRTbsWzseB"
    "tPwzPe3XXQ2/Icz4hJujzK8NPm0VnDp46FZKXGl2V61HZuYR6eBT11Fai5P90QpG/+tMPg"
    "KOGCPif25jhdrvrqKmL4STV8DoTCTqozYohc9fWWqajH07DDrmJnY1OnnSgxhhtCdx10GC"
    "PYVeTCCK0EcopLj5kbwhdGLcfwTaI+u4ihNsfao+Wz2G/X3XzsnYXdTYLeOotacDpQpnRd"
    "Yp1thlnQ2WncVzch8+3NhxfvpKsQ0Z9Inuivoj9hQ5zO4546DhbWlVaPa+dRty/i3KYT1/"
    "a9jUdb0EtXQWKZmTwDt3Azahj31FWwLEffmAcbsz46DZBCPLxoA6UL2k9XkbLVZQtz7jro"
    "pbMgOUTbdP2+Zn10FyCLAsSSrrDebKy0QaJeR51OeJ+d5lQpgLq/Mad6HfTScZCYa3dz/i"
    "boa6Dr486aOuFcZNd6TY0YJGBvHH9T7G5SHd74nQXQwTPf1DdGi3XSVYjCMRb4HDc+lAYr"
    "/VnYWWcx86erzjcFLNFVV+GKeEB+pmiDfA65QH6g6DbvHCLXHmadhqudzCwdTMgi8ge1Rg"
    "aGeHWfB4yQC/KztI3aGe+1q9ixlYxhZ9Jf38JKRru6on91FS1G1rtYa+F88c2fTrDW5dOF"
    "gV2X/m5qW7KQ4g3hGvHOrhN9dRGyBdaJuhlQl1EXXcTHVjde3q/V7q7lDJ6WlicGU8fXJ1"
    "VjJKji+Bv7qwe8pxu/u+7q4EzaUpRNcLTqeIxNhBh5MBVi0sYbH69C2GiHF+ZZh89Ymrqw"
    "VforNz2Nht10HSbGQhObbG5eR4DdRP11Hrl2aIkIt47TEzrtWGlpbp7Tvro+Pzle2HQsw2"
    "hhkDHEhqvOOo2Z6+GNw+BoPxPaTVdx4ulW6fK1sQttyDqa4O560SKkPI921Q5YcVfdBczD"
    "C5vCsemRlSN2G/bVbcRc37adVsyjSdxTVyFjd9mxqWH6epfOpjauDQ3CLs/jHjuPnkHMx5"
    "ZgG9GuOo+XuzS1FqJ0IswmtLsOx+io9EdpS6Wl3By8s45n6AgAayWZQoBXt9MpsPC5Bbt6"
    "objaHOub87A3UYeTsL+uIhfhpSsrDDc9dEQ9rjDsLHZhsED421o4rwUdfl3113XkWjIOQt"
    "y6bh4Y3pMyI5vyPyPv6QvpLO/DMKI2D6swsPl8pFBdr/rqKmJhyTP8g/1fKxXPhryrjuPF"
    "Eu9Cmbgmi75rqrY7t1qK4TxXibGchF12Cbo/+jXSM+eC/dfzlGMT31r0P1Uj/mvQlQeSVV"
    "tkcs0tUQbi+pgFVle3sZo6qilKl90QrNOouy4iRlqdkQPS8dlIz/GCenr1gWIZ7K7DvjoC"
    "E9sFambiT6QdLcjJn05MWp6dX8mkRF1fV3XiqbMZ4mJY56VLmaPjMy/x6FmP2ETERewj+t"
    "QytaDYo2UaS0StHTT5Nnh9/OEja/OIbS9fULX97gUFBOISqbxLZa6686BMqrC+Kv8KUEZV"
    "0joDgXZyCihO1L4S6GClgXfHVZLh01aFWdr5s3SadscyCjLhD01/kSvjkgI7kpUZ6974t6"
    "vhzQmynum3uTcH55cXVydI1RfEvDcnt4MvX06Qy9Yl+uxqMPp9ckufmqqxdL1783J8PrwZ"
    "3I6pPFtj6a8JavTWLjD5sYLi3mbTtifKS37MVTGI17YasyMtJbPaGk4RKGOwS+i7VcYgFe"
    "Dxwya0twZaT0t2UOsHouUIkzXFQTV6kmw0uzOiLShaTrumE3oOC6A3UHNaErQss5ZDw1KZ"
    "1q/zmxOF8rL1TDgoL7sn6BlxAeVla/By/U3Ky8brRAvAdru8bG5Jla7uaRhqV8C0xoF4a1"
    "jWRPDfeob1tznR5ogV3XXRFBuW+YA8Cz3zT3lF1T4iZvg3o1fQkcpbo4W6TAi4mCXLNgKR"
    "V3mmdXuvKWVced3lLNcK1KqU1CoQfwdJ/AEfVQx9d/koOFTvzZ5he1pt6BNCAD3YM9LaM3"
    "5oguzGkjlUSBOzWQzpfmwYjrrAeom0UWy3cMOgksFSjKXAEICDvyyraNnBf98xFftVwfYj"
    "Kvj/14A3ar87Y6rX2wm6xz9XQZe2KkSXP0uja6uu+2zRpbNu7ENOsBHekpFxGcA/fKgC+I"
    "cPxYCzZ2BwvkyDM3f0Lj7WCIZHO3fGq94Wl2weVk5K4CnYpF1tnH6SdTWkPXUVK5ddQMrE"
    "LzeHKx853UHIWksin/Z+HNiaXHF0tZG1h9lZHU9pms5vsfnQ6mqOi22b+dEwK7D2E6Ow3O"
    "hPpfNd760cIMN6ICYKpZA1Q4GfMLizMcWqg5346obrWQ7Wkeom72vknZOt9QoUxIFSEPJE"
    "r0tERkDsOphuELsO0a4Vo10N1fUU3200vbOyENcss6Yhev0laBniDGSJMwCn+AE7xc+C2p"
    "o9gaUcPeqXWcla0KiigTw2MbKx41pmHz3SmW2ushr0kao5lusiFkK75BG0eUu4vjiYvBKv"
    "KX3wuu/N6w62bjH63bJ1G7kpeVQcy5zrbFo/g3lHEjvJgY2FvTDYQQ36a8eie523PMczYp"
    "KiJEeFbct3bS7FCo9yMYZbKFdxIz/HmqHScYlUxPSto6BHFPXIPqeK5/djXOwhy+RsdHRa"
    "QEffA4E3f33Ey799F1zJ2cobSm/j0HZwGecwTgePWHChsPhsEDaX+fqNNCQ4/d241sFrJd"
    "BBeLcSkscBEgK8/iZZJCsz1r3J7c3F1Vd2XYxBfW9e3V2esqtl9NdN2d2y0/F4NBxcnaCp"
    "ZRlYNe9NdjY6QezMeG8OafMThGnj7J5QRWPt3yCz7IKImr9PxlfiKZEQyZ6Pieah/yCDuF"
    "s7DfX+OvNNntkbTX1ieMR037D3/a233TOSCHAGUepoHAF9dDn4R1YHZ6PxafbMyzo4zSgk"
    "+TVzSrnFPwp24IxYB8KHywyT4T9uy4Ff2SWj8dXXqHlWG2AzvkybEe5Syki0w4W+Vi707Y"
    "doHz5hU0izBw/6ZeY6foqqMVTISWwtqG1LgaQGcmgMI53o6Mim30t5Ivi5j2zf0eYqkzaw"
    "61qs9vrCZjjp9/7xz8cfX71Bt2y4ImqAI2pum4LcxFt7TamNrhms7LbCAWFKLk5UzIeBFh"
    "NP0cnZ0jTfcYK9iAonBAQNsv1A3mM5+YBik6pgezoAM6qhyfq2ksn6tsRkfZs3WTNzos7R"
    "LyPawbPfgZz1KsbOaJg8NQyeSYl2UNEdPuSHrLrwolUxz5GWkoPqYK/tDNWRPe7U2OIEoh"
    "28wbsVfhYM3r0mQw0P281UkBYGVQD3IBX3UDTYW4K2e4EWQoTTk1wmliephIJEqZXCKpM/"
    "s/Llw7D9Ty46u7lEQfQOomciomNkmbggqLKGXCk1E1aGSlIqKdokwdL8Ty+Gk/7mB5eJse"
    "s0TnTdMsQ5hC8cMtGAp8sXf+EPigj7O1A20DLS0TL7DuLc98a9/TDOGXFcT6mbQiktBWZB"
    "JbOAXwKri3RKCICulrKKglQL5JVA9wB+d1xpzShZMnKB35Yf5cGpTCXEIt1DuArAxfjm4D"
    "XIDGtL2k6h5/WHxnFegm52GLDi+lOGbJh0pFbo193p5Ozmgod7xb3cm6Ph4PwEGVjVWYDX"
    "18HX4TmL8Xpgp+h782x89evw5pZ9RnX1hB3mIjRH498HIypkLVXj3hzcKjcXk19OkOopDn"
    "EfqdS3u5srLjP3HRPr2ZPtfsLFVF3hV734oYi9O/TuVp1sRfLdm3mfKkD/qRD5TwLgg7th"
    "qkH+zS8lNIS/pBdQwholcGMuB/fAcdRlAWkXCmSQfSkBkizw7p9/ZLdofnGhjiMmlgAnTP"
    "tOGAh7fIEeUd/WG2o9LQlal0XrggCIXAK/pr4ncDtBOcRDhB48frv0+LXn7Ou+o28zH1/C"
    "B7GKnc6sJzXusK9CtDuCdWpQzv1pewlrv/nTy1VfXUVMm2Pt0fI9pZ28yGdhdx3PjUx/K3"
    "nCLBK41RF3HnX7IoaeTlzb9zZNh38e9NJVkOhiTTwDL1pY+OOeugqW5ehhcavmMI1ZH10F"
    "yFaXLYyk66CXroLE+rCxEvCQG4+nCe/tLOyss5gF/rGi9AK1AEt01VW4gkh2ahhtOhVD24"
    "kf6idRd11EzMUPbM1p76w1CTrs/jErQk6bq+bDpqetHGpnvNeuYhfe9bUdi/GyG2I34p1d"
    "J/rqImTBBG3JnAzGWceNyQgx8mAqhLno9U1naQgb7fDCPKMfdRU5TV3YKoPNwRqxyeYn27"
    "Oww5uov64ip9OOFWw6lmG0YBCc096Gq866ihkP6KYLm7lpGtEh62hC++k4Ur4dX4LY0CRY"
    "9VQBMslilKodNLwnesrALNZkc7hG3tP1qq8ujbFat50SrAedavR9Cn5SDX+FnRjfsYlvLf"
    "qfCixI0Osw1WkHh+aUGAbrpAXIQmv1NO6xg3itsepro1XVrD8UrGreQvzmT3uC24fs437Z"
    "rcO5P6122bD4F5VeEXQN/wFSLMsT/cFkiu7u1b3ptNElJ9l20x3ccuJzoQa+UfsO4vupCr"
    "yfitH9lAMXUsRCiljpxvxhRs1Ciljptm0I2tx20GaVwEKImWsQ/cV+QjsBXxyM9WAdioWX"
    "Scan+9rGESdBLx3FiIUHMw+tubnn5yzo6qrDTh8Xt8GR0oVqgjtHkILvekNPrE7UTV2vYR"
    "ddxIflQ984drC70SKqptHJoTj+xueCAe/pxq90LDhIrCBMBMJEdh0m0lJwSFdh4jEhLWHF"
    "IkK6jhfEg9RDysMLm0Kx6arF0boN++oSYg2jG6Jh6Hn0ra04nsPxGHfYEZu7vuc5wWWJfd"
    "BpsqvUG50NXW/bMT0PPOL5Gj/gn5aB6O6jYv+0YxmNs+tFsjt08AUDuaabr3c5DCqnBtL3"
    "5uX4fHgzuB2zj+iEod/Sop9+G09uT9DcCnI87T8FnmVOLbp4svAxFtjTWE2ifnaoMtPi14"
    "1YMsK6euPPbgdBSsNEP/fmxZVyfTP+ejOcTE4QiakmlgTx8no0DJMghnXS5NCnh52FqzBL"
    "3W7m2xV20IKLV85NVHaPboRJqUuXDloyI1qQAdF28Aw7mM7RWuWByvqAPHXlsRcN8tRNVT"
    "PMgpo5kwRVtsU6ioUyGmG1ubelitUnu0Wd1R1PoX56kQ1p4ZXKj95yFdBGxEudRrJYN1gK"
    "U4KwBMq8BFJVKQ5W3XoxZGmpLiSM3XUM2Z8WaTa3UoIQQSbLZKsSQcZs/br2dCwD8WOQb/"
    "FAoW+acBSK3UEU5Xb3+3ZTX4ZM64aIhjeYOgpovKFB8UBZiwfmIlqFJZMhgWFjJ11Nh1N8"
    "lZhhPiOG0RN4nQSt+mWup/jWszINBSpXYZz6xiN6doiH0ZFqIrKwLcd7haiKfKwj+kOWUc"
    "FFF6kesui8pDjNgzKLP7kozD1EHzoYaaqnzSnoyLezXPAWX3Vv+qZHDN40hiLoF80tqhdk"
    "ssKQ1izZW/wq+t4FXYGKakZmHGz/TOy3JnHngQn3B/jdpPS7uZbvaLVuhsYSO3TeBHNhW9"
    "Tutou0eZanCgpnFlsDUXuZbYDeaoEIF6jpki4fxE0sYxX9XcFEOH77/i/vP737+H41/lef"
    "lA37vCEWOucaME5pSaCcDolySm42NdWeEQUaX2YaHxguoFVkUMEOLqdu09DKp24S2FnC/E"
    "7FZlY+ydQWovwKrQ2KMRgZchoZQa7noKecGooDTjJicsSY7Ku05FZiTAJlhXmRBVOkWDd5"
    "SVBP6+rRVN+tZZuvBHZomuOomtIhWuYcMMXBs9ooR0JdCAnZQX4sB9Nf6jYzy7Oyh2OY05"
    "/puB4KfwALHUZL7EUkLNbR0cxykKE+vKpGlXTJkIOKrMXz8TBpGoHac/fgnrAT3VCufhpP"
    "CO3OfP+55lSf+gs7YEHpjugso0n/GalIM1SyQCHN5CKLahYRz0WJ3yXXUT6xQbKvTueaLb"
    "KgChWWkWqkNNn2yJZZ6ggiZs5Tuzm4UlJ3JSzsBDhMedbA/NYXqa1BWsWUJGhZZi0DUw2x"
    "mC+RCQSXgUwug6oxhlFuhN1EGO51Kmw3vnAjt0xYXC72uASlDwS+mYKW/TIHTVQHLxEPty"
    "rVsD4W7ho7UYgZu57+jKyZh02kmjr/y3ashe0ZSx5DRg1Y4zU7giBb9eYJwoN4fS7BzB/s"
    "OJbjvsmaP1t90XqPUqEPKUKv7n6SloOtpCWnkqG6q5Hc6Cwt7ACO1DIfqRMLl2b5pkDlZR"
    "NRJC0tnyTlbEwn7GXBf/EEqqcLsTxoo5k2+FJmqA/KQuBgL9RBRkpilq5nGTpOOFKIyTd/"
    "9gPQlAW6I89iaVYWpGrOnJbZPO5Aq4t/Wkhi+PdGkvJA6EJgS434jCSsLM1WFn50Ltpsi3"
    "fatFRnwG9tYAdnT4ZSHtXiZBRpqS5EHuw6GUWMYGODISEMxoLMxgLTgKLNsfbYLMtZXvxg"
    "9N3j9/gYK+I+Y2yjuerSs9Pr8NfQf7JbrE8YPdPXWs8u8m12gJpjp+KVnU4NE3DTgHdAAh"
    "Xs2TsQspQbOwYmcT8HRWpWhT/N5m7bH3DGVmzL96LCDgJHQLZJv8wDoIWNU1UntlYfmDa2"
    "cfQqJbqgAcmYZViH+yXUel5xOWWU3A8XCXewzO3xhw9VwqQ/fCgOk2bPMjxSWIOkKthR+w"
    "7i237iY98RXMIvtrbD5mBm1zezmVfZFzB2ZatGJLHDqyuWjc3egQ5mKM1cDP1hhs9XyXJg"
    "O0TDta3VpBSYq5tFFQJTsDfopQvofDGqANJm26QNJIPcVbBmbjttAeLrqJ+Ogps8QMiUxS"
    "Qc1qfEMIKfmWfH0i36peRYOHqmicZVomJfh4IoFKRNNc/tIwezyj8+i0a1zPBWYNQkSJzw"
    "OYpzRbxiLotm1Vlky0IYFLut99TJshL2q4T2Gm0XP1s4DqRgkZTSY7rJwX+ONbJQjQJqyR"
    "FFGeiByJtQdFtrXt3Ltwv1T8tB9BVBMPtGjMj58OzicjA6evu+f5ypHBNZ6u9z+Q0M76km"
    "vqEE4FsJX813WLWpZR1OKSnTBRYvkwylSi6U4lQoWYAzC3sNmPOSO63qZ0aVBg+OwrMdS/"
    "f5aVWA98Bx1GURnZOSy6B9CBmXop/g8tMKmlr+w7xi5O4aKvuff+RADo6udSFOSB0kwIZq"
    "hui6/pQ9mtLjoWdtCWT6NoUKY+dJlOi4eO3ICXZvnf5UYdn4VLhqfMotGknEagfmFkhD7H"
    "mecuRQ/ctXTY94gmNHOcRJOQA3D66Jf6zs7AYuLIH4wcRmvshY3GeqK4UexvGzgAQoK2ia"
    "FoSipjWKmhJXoV9DtB+XIp4UA7zr4W2zGwK6L6CU10GelATUa6CuaiySnR1l7NqhaiLZ7h"
    "1AtxKophOXnx4VGzuaMG64lPwSiW/MhEmmhQoU2IcaDNgKMnUhPvRXAzyWfoF416IcQ7vZ"
    "jvKkNC0qU9wNnFllPrNqzOdrNAuxS4uCnmXWMyQiLj5IHGYkpUDtuUTEEMwHwXwvMUgAQv"
    "nkvH8J2Rnlz854xomCnjDMjD/pl4eXsTZbvXGpsetgcMlSmsW2j4ojsrSaV/207l71+/i+"
    "AkH18X0hP8UepY8Yj/R3icEdmv4it4qmgI5kZQa6dz28ORte3Z6gkEC7N79c/GN4TnsnP4"
    "Jcevv2UwffS7FmgtpKpVRVRvIF0lR1aMGAzxPDXLaYp+Uk9lH3FsSsF3u4p4yYEKG43QhF"
    "3XdWRUibrOtJ+V1eMo6/S+UhP746G54gJnlv3gyvh4Pbi6uvJ8jBNqY/wXygq/34Zvjr8I"
    "a+kZpnT9hpsuK3H9EYQawQU1nQo/m8TjpMsbDEK9PeomfCFBuNfJ4i2e4tPVvxeQbuYsE2"
    "W+bbj4V26NaPrKmD9epDdoPigX6YnHyV7AbAyQMVLIMK9kIFt0dTnmODbjlOCG6Oq0w+7p"
    "cRlnrcsGKJmN/mqoem/pLdPFVReMkDPTgqBfYNYow0u4Nq0lchortoig2LtvQsns1dCx/r"
    "1oJi/hk946BSpuvRYVdwK3YXL9ygZAwwrPtkWDtPAn67O1Uuh+xINfl2cX2C5v5UWeDFFD"
    "vunNj35tn46nZ4dasMzs6Gk8lJNOAVVdOw696btwNqVHrqQxPj8bgKZ3tczNke5zhb9u0d"
    "y6hFiidlumfFbCFrWDgC2IoovhT398n4qsgBkZfNnq8JXX3/gw7hhlwbBg/DKnW0zuXOy6"
    "bJy5yZWQfZ3HnhfKw6A8LmHRz8P/9cZfT//HPx8P85f40c7MoXaFeyXaLuUSyW6RADuWOX"
    "SHxRvR72aTmw6jeLtANCBQiVrhAqgtWlBVSv4546Cmx6RV2PLd39WsD1W9DLYW2VVSGNDw"
    "gScn9Yp9hfrqiAXjENmG3Zr8AI0mNwmmqoSA8OGEOBYjEUHqrRdMnYO9/R5iqTcxk/p3r0"
    "Mwc/WY+syvPCesJuQM89s0es2COLE0L0FIj1PDG43VcVBmEmI3gT61MaLYjQlGfL7pfwh2"
    "mtNbIgcuJwogJr4lAVANYEXJl6maoAw26Xhh3kP99d/nMwobdoQifP/JtDnLPTOgq08Nws"
    "lY1NXJZtvScyqsNH/VIrOmhU2WimpqrzgNl3Z/ndLRMja4Ys30G2umRJ3d0+Ul004YG9iB"
    "WpZoHiFsszgoiHjoI/4qTvLn4lspe39JYqFSJDQEQVIuO2rFhX4H/7I5l0PrVZQPZ5OS3p"
    "vJ5zylgbsZ4WljkuR6aY9Sjcn0/uhlcFkrI7vDjTO1zUi1J0rb+QJ7txBrfxWh/nvqvvZq"
    "i3fB+P7vRu0W08McCxxA7hDTo1dgNx+zfZD6OUaoOFJDhJ/uRSYYx1V3Gwy9Jj0H59+iKH"
    "/v1E8HMfPVtmHxmW6/XRmze5g2ulcX9cZeAfF4/846xS8GyGRWZztdjiWFpqBbEQeXa6/s"
    "lFtmUQjbnDsMkO+8FRvIkq2k4yUFZBoziStbyABgSxbh7EGhtrObWUh1mmBDsYZXkgUZUR"
    "JuUJMumq3CyWNikIyTGl1jEETL/AgGlIido1rQsmey4lakj01g+wSMnJzF5ISZtCgIUs0E"
    "OABQRYSKaC7UTOBwt2C6hexz11FNj05gbBKxLl8t2Zw3/IavkZmI90gdM/+bhf5vjHccM6"
    "CTVUFBV+n1sGz2Khqb7L/fNxKPtnFNzqT1Z4J15BxoxNe6wV/w7R7tJss/1SH32xo2E9p7"
    "2X4s9xbrU6vPbg7Pbi1+EJCqTvza83A5Zt8YFiRf8aXynfxqNzln1RYZODJWD8dfwLS60b"
    "3BBpxHu3n8mBVxJym9QjSgp20EA/XIM8z8NgU2+i4oQYsKsy69e16F5bK+FNLLHDdTY6EW"
    "zLO7VtHzqQ2MXQHyadCST2S9R6JRIbbglKwKQCiQ0k9otTBZDYcEvwEBCGW4L7vSW4HxJ7"
    "7Oicqc3R18GDfhlxbbEmW61ch3942DFVo/wOWI5iNlRNcCcs/lggEzOVnuXRF8b3LsKSSA"
    "6esQhkHW6TAVPdGoOikrqXPHrXw6tzXvbHxqbOi/5cDy7O6Z+0L8ZKf7m7Og9o6WC8suc3"
    "txeD0eh3JX5qq45HVMNYKnG7L4OLEa8VpxKD/X02uDob8k+iwuVNOO72M0LDJZ48yi1f4s"
    "mugTXshYzk7oyFn2tOpAO5spbdfmppQyC8R4X8XKqE1YrFsq/N1Kq1y/aTdCp5lKjDIaYE"
    "O0ghHi5lKHCzJQ6fNbaajJjEKdh7ZBGmaghO8ie8/gnhmRvmqo6mmJURbLTpV8rSflySpf"
    "0YsrR3n7mH6l8SWlhAHEuiCiCOgTg+BIQ3i9BN0GceXgj4m9NQ7MsvN9goKtWcJC0vaD8d"
    "wlwUo78hTNXj8+WM8spjtHWKnA+qIpo8GnFrqHJlNcLb5ctzxDh/GxDVkhLV//JVFvEv4C"
    "8LFZAU2d0p6u121dBa4fNDyavVUYYyXNtqrilJKTAMmjOR+wtsk+xsAHFtLwB6sIl3aRNb"
    "UQzIhpiuYkk6CmpyL5MzcEqytbqFuCn6FdDV3Wi0r8CpyIYW2IQJ87rYIkxa8utv/I5NjB"
    "aWiZeI1aFigmjmWIsw8fYJu5+rEh1pc6w9Wr6H6LmRmE8W0TA6+u4GGXsdPPuO/n/EXK1E"
    "FyT73tI7qqT6pmIl8V1ho9Wd+6DgNIFQrP0egtYm9mZazWlhbWLpUErmJJgNg3S2mco7Pz"
    "nqIy/sQ2L/tVxqOLTowwbxApO7s7PhkAcQur6mYSyMG2weg9go1ADiCw8vvhAYO4gpBIUk"
    "3XqkUTRhLAYZHWQOJYTQteIJ193QtT05RiSbx/tZUV1/uvq2tVUgEAZNgIfkMKGHAE5wVk"
    "mmAgjglArhujf/d+0WlGwb3dgrGLuuik4sLYA7yXTXTYwFJ7XaXsJYBckSvM2jaxPVfjuy"
    "aqTGaUD8bIjRDe+kSxBt1dfsEA33RJ5m/qBf6mdmTXYRdJz11rL3gpN238ZAsZOWA5jDv5"
    "q/KpKV2ls1vhoqjMVhSZvp2CULzHxTZ3c3Nzx/hoOZ04bpqZrStpy5GbxOeZRfqNepwVg/"
    "ED8HiyxwnoKyu03WnaS8xIEJvfPB7ydIV5f35m/D4S8n6Bnjx3vzcnx1++2ExVh583vz9+"
    "Hg5gQtceVMF9ssmRoBS7EWTpHiPTknCPdTcjScQyhAdDgIDs3F9FtKSFoP695ANYn2yP9d"
    "Y79Myuxwv9zNZrmVnBvZw3wNsAWiEi/ZMsWSxQVMMucUyzKwahYcVFZCGZSnVGpbQzuymn"
    "br/j8dj0cpF/DpRebkcXV3eTqkB3COOm1EvIIDCTjmiwd6dx3zkA1eBsck+ITBESkpm9vf"
    "qI4mJMbeUWLsxD4eXkpSXOy69Ltu6J44C7ubBL11SAHpg6au099uCW7p1MomE+hwoNPTQl"
    "eRSvoZNxxb3XTMbtn/ZbGSo1gPriIOn4ouXora9cu9Y6GEEpqr+KlGGVY8nVvWIwpkkGqw"
    "E/MS0bcZBOufETFdzNNrEpNn1nTpt6VgqabLjDXLRKrLPicOwrMZ1jxXUJd1K6+ociWTv1"
    "GUdx/ceVK687Jqy6liLVOTFJXZsScTVVPsRC2wYQ7AcdoQ37eV+Me3Jfzj2zz/GK/PDW7H"
    "ZGSBozkkjgYoAqAIZFBBaxTBntKUhBSC+LQcsQulB2TWaG9VnuC0KeVps7bndede192dK7"
    "fhd+1+7Ymw1IQV2K22oXozy1mw0hMas2FZ5qGsNbw3bSS/ek4btxR0sTYyYh2IOCg7Xw7/"
    "cZs6WkaIHl0O/vEqdbwcja++Rs0TGjgbjU/BE14L9BY94bbqeopO92jbMkhRGOr6CD1BNz"
    "sc9w/0d+P84I8/Tq9BvwyH1yfoEWP73vx6MzgbniDelMUJ/zr+ZciChJ+sx0YlcNqPEOZf"
    "rW4YWVpod0bRX7JK+MvGR57WQscg6KMY6u4SCnN/WptPiGXg/j/EehwE9EDk7DLWgy4QLS"
    "D6LejlsFaTqnjGa+gmN3OxQc/0DkNi09u5cU8dGsQZc5X/RHpOYdgv8GKKHXdO7HaQwzod"
    "rperTrsKImYFVwzcQrWlYdxTV8HKlDdqjlWdAl4Hsh5m/JnRbexN4q3CS99dHEk8JG1jgC"
    "AgDQLSduBVC0ZYsWttNQLX+teUeNyvjzsbIL6MIG+uemihLtEUo6nlP8w9FDnY0DPx5ixj"
    "f9A9og1XefuPVDMo+Iym/sIWFALYQv9C/18iUJq/EJx/8piR/RLnH/BnxQrqLn9WfAe0/M"
    "pU4fVPYHLWTUG4sSaNAoDFBBZTBhXAjbU9A1vlxlpu22wF2W5Z/Xlc44OCTAGUN5h+dY0Y"
    "hFvRN77Q3ss36pcZfW5U6SoppTh+VQOQVWpLCyObmltszvN/0P8RS//MI6sc6xnZhu8iap"
    "Wp+hNxLWeJDEt75HEPLN7KpeozsLge3FbeUhoMGvQKpqA8e3G/xBQMtZXTQHGIYizRwVjQ"
    "9oN+6LbgNLO105IdtLUPxLaOMCk1rmfEJO68kZ4zolAISGY9O9hWiYMFK2bhhpUUgTRwYJ"
    "eDXS6jCg78mliYj11o2kSZ2ovtmURK+G3dEVuZTOxNcFFMqkWhzEDI6a2GqSCS7aDRsJ0c"
    "kpDret8V6EoqQhdabDuvAt1bFXLu7Wawt1+uGbzRL9EbHdWqr+sQTcnJvM5JudGD4QWGl1"
    "wq2I5DNFgl2nDbxT11FNj0iiqTUTvh9sOZ73rWgtuTOeM206JfwWmnhY0rx2oG70CRHDKI"
    "+Yh15FmsLBEKay9+RmrcgujIxE/0HwvrCbuspWpaPOoybC0K2dzWa6pY5VGXYJdLtWf019"
    "vlSc3VslRE0mCbV7PN8UIlBSWQxHCvBCRO6NIQ4HfHVfK10FbFZb6Oc/lawCQsRr+7JiFY"
    "JPs1BqHQPBiHkqlgK8YhFJrfZqH5fZqKE+x59McGU05oKq5a9CuYim6ycQVLkWH0kxtZcq"
    "rGSyqy/FRLF2FTc5Y2y/Qe3Lyz7TcaHWlv+KeWyCDcsLf1JZ/BspPTssP0EOspVM/KSs15"
    "fRRnLSyS74R1V3bc3UYCw+egfoMSgtpIIWV9gFIaKIUN7TkR0bvFJnhSpgOJPLcdtqwT1/"
    "a9TZNJ5nvZIfRzazUMRJ8WZ5L8Nh6dnyDWsI08ki0XevZtvSE1kpYEakQWakQQd5zLFiIH"
    "NfJCDmc5a7yOSbPOch+b+Nai/9my3b5XVW0nlnYz+zCZI0dkHWZy6JTYhtnEPVuOmE2+T+"
    "Sf+2eOzwjD0P4A+05O+06s1xpn2eIeOmFO7MCDB97TfWJfHFe73qTYR4xtgxjni6uz8eX1"
    "aHhLbQdiatbCZpvbvRl/rgz/cX1xMzxPPlfwD5tdFbs3b28uBqOLq69sgSSqQVV2bw7Obi"
    "9+pf0F9RHuzevB5FY5v6OfREn77827q+vBBe3TN22V0H7OBldnwxF7i8bgNFjf14O7CfvE"
    "Vn03DBveexDwv3yVZdkUWJqFu1JSZHf+prfb3Zvay5HvOw42i0z3Aud5QmaHhrrv7ih2/V"
    "2VSIXiOIWcKW4ST2lyTyMjKO2l0EO5qUHfjp0ntSAkZ/2ekpTf4bhf0CP7vObI750Pfj9B"
    "urq8N38bDn85Qc8YP96bl+Or228niPd4b/4+HNycoCVWHQkIqwhcRRNPlGKrIycIq3x25C"
    "8cp9EKlJY7iAWIp6zhA7yP1BkdGkgn7mpoyLo0BVuqpwRZUxSe06MucVvUB2SKkIexzUez"
    "ZbSGTYGJWUvvYQ+gdam1zq0sRS3Xe2n5u6IudlgMb/XJwVbDo3AaWOPMWGzm1lGCSH7fGq"
    "hLL+8Fec5XNNvoMqKw0sm80gXKarCtpQRBxzLrWKLkdaDlLZ9Zml23SYuCnmXWM11yGyk5"
    "KQcallnDq+LNLjFFSavL9ZyXBm3LrG3N8u3asQMpoe5dR92KxzoiGplBrgnTSpxjjSxUQw"
    "y5SDw7swL5N2E/h6eFEtDPh2cXl4PR0Yf+ccZ4jNTxPncBeAVZE3JbICxx9edDcbLBnexi"
    "hRxm4HGVO9kQbt41rVcJN99TqTDJ9rQXVykM8D+R5arFy4UeslBIc+8FslBAFgoJEa6ShW"
    "Lf1fEk20qr4ltSHI9+BXR1NxrttzreweJaUBwvRrX4kmEuremG9eKrpzQ9ELS3Wio+XFSH"
    "TxSyiad6wuQy+Ub9sjuE0QqGWXsW8OBVzDFzHSf3RKqpI94BYvplF9afEf0Vyz6aEccNnh"
    "sq/Qezr4Oi7jY2kYs9ZM24jCuoHb+VN5Tec8xuhHy0im85rh6zow/zVqgeXHOU9JpjpKeq"
    "jomovczXuho6Jd7+XCVHJm1VnKDj53yOzPrE+B4C6bdchmzHBipf9hqV+IvlOsiEHi7zmS"
    "e8o22lpoYTYqBgqRUM/B7wey9TFcDvAb93CAjLm2U2VMA6GqAGA1DD9j+zFiyZno5sh5rZ"
    "jkewy8zsRHWQPrXOKbb0f7SVZSKqEUytc9dCC7qJIsc3qIirUTs9FKAdmMYyTwJs71X35r"
    "35m0M8D5toukTfWeZaFz9wVusNB+M7OgqqmtDHc9XUX31G3x089QmdPVr4vZT4e31HDg4C"
    "TFxEPNr/2NGx4yJu66DnOX0Py4SBLIf+P5VQDWOJgoqUWO+jGf3cm2NC/2t5qoHMgLsIC6"
    "J+ZhdO8RIR2reJEoE6FTPsxqxFcD5kiTuItyynLeTcJYHR6AVsXQO7OyMI1nez42NuDjWy"
    "0dLyEOEss61msbW8duKIjFRnpltrWSP4Vqe4tjCUuXR3SQtKi+yhxNQGvGAwXpuyiklpWM"
    "1kXs34/tNU2Tlh0LXMug4DKQSe+oHjqMvSEE5RdkODuFtbXHt/pcYOz3WAmJnlEdN9w973"
    "t94eFD38x+0//4CQzH3uUMATbpsnrMNeVWUUGyQW34BPPJz84rXZxM3yjAdcVk+UYjx81C"
    "/NLh5yYZUowWLASgNu+PeCMr/SrLf9Es6J/38O/+Iomqh9B6NojitF0RyXRNEc56Nokt8s"
    "B3NxSaeMWAcKCq05k6XO3a3UcCKizEHV8rVGsjIP8t7571eDy4uzE6Qv6W8m2r1JbYpb9g"
    "Fzc7C/z8bfxje3J0iz5pZTNYvllus+McdNXi1/n4yvxBMhap+1Ronmof+gilbL4dihDIjy"
    "qZAd9f20bck6yE4FhqHi0bWmzgqUEupCHoddL0Ce+iCwzotHetR+o5F+8Pb5VibAAi+mDX"
    "j+rJi0dPT+iH6HPDxgp944T8gcwKree56rHuKBBnPVfMDMm8/DD9CRizFKxRdEP+1Vtb12"
    "19MAMmwUT4zDzLUAGTZeotYFDgJJCzruW79Aae9bBTugtLPnPHdO7A1vsIZU6uWqvw4hnz"
    "4S8DNN22id8V47i5m6sFU6dxXf3RS5s7CrBHXfRcTwD+Ip1kzRnY1n5jntIkJNGhuhXbRC"
    "KwIAqwqY6usE081TMYj5uCFcg7CvEe2qq9NxhZe7NDXF8c2WMJvQ7m78KqPsIGFzcHg9QH"
    "G1OdbZDYTNcLuJOpyE/XUVuQgvXVlhuOmRI+pxhWFXsQt/U1QMfONT2tdVfx3dDRxsW46n"
    "POLlxtOTdUQttI6fznSVGEvFNVXbnVub5v4JsTpnfU7CLrsEXK3bf8mrParhc+jiG3likK"
    "Mwq8pQD1ddr64FdmRWNwuNShjtxUFSact+bbiUkmEWKlymDGrroVDwDRpoGnbd4OJiH/GD"
    "Pc9vFB3GEDuM0edY1ZE3Jy7i30FwdbLFjkujuNx41UsFBpZkTso1g4Av6QK+/rTYldoG3o"
    "CUIDgDZHEGVHEBRatY3ZmXlgOXwGaJScAbszfopbvt/mJUAY6xXeaESZzZNkS1ezZvFtj0"
    "5gb5diS6IbOzfDtFnssqhmPs5KxjPioJj+t6K/IbcT3LWZ6wLLnOErEjeJAUF6tPGD0Tb4"
    "6I5yKNVZBGRytytR9m1SU6S6Nj+qohSMTbct91ktUklimWqaaPipP1QgJeaS1JVRPfaql2"
    "xyKWlvqWxd/HF1cnfHLcm6Ph4NfhSTBBstOpym2KTxUuU3wqvEvxKZegl81MMfwFUZyRgM"
    "yIV58EKWzfHVcA991xIbrskQBexcGz2hBHQl24NbGDK3L1qSjgoICDAuu70vYNHJQs0AMH"
    "BRyUZCoADmrPwAIHBRwUUwAdA1f0r15ByufocX9dxmc2lkz6qCK9NDYxYs1ZRmIVzf3pTy"
    "5FEOM36NpyCb8QbAXZjl0yNagu3M9Id9SZ5yLVwYiYT4Q9wMizVvEIOZ5pWy+pQjjRt4VH"
    "Wf6igGqyVRZAAbSSpLRS5xN3nI3vbiZDlpbDd1x8b16Oz+9G9G86p30DM5ppMhlfMZ7JdQ"
    "OGbP9pOzziifJ2lFTbigRkVkVTrqkSC/KuhAV5l2dBppa+zANcnJ8jag+pgWpn5mARmL4g"
    "BLPaGhNL7xB6viHWxL93fjP4cnsSbKb35vXd6ehi8m14foJsn2607hzrciwuq+05p5HCLT"
    "cpAmk5snwDJHoohrq7DCskeuia1iOMyhI9UBOnNqUYywCT2JjUXWCdqLWhT0o1Al82/+Be"
    "sA9M+Nrgp8QA/abou5jHbjRw5SXlAH/w5B0E9OA+2qX7KKRsN0T0W9BLRwGNz2/r8QzZ7s"
    "0hzTgiDmuhrops6oRQxddZEAPZZMBO4s66CW56/0+hS78CurobjXr5I3YL4F5G/XQT16RN"
    "UYBqlexp2pwYOh3+gnNFnZRWXVwm0iuqYzH7fcNECSPu3blO9NWRzSqz+zxgJZz3GwJ2Tb"
    "vq3BJZL59EzciCxJ4iCCxI7zjFcQXssJHU4Pqwgq+O5bMkBKGzP/BzuugIv3l4g+57E091"
    "PDTHDr6n/d33LlXXw45mqC5tdd979Rkt1CXSVMdZItVEapzfIB9csN1XNQoxgLACKcMKwI"
    "O97Th+cOOBG29nw/kwHTpV3Hjg0AFa9SVAD7Qq0KpyAbqOVq1Coqyir4FB2Z2hm+FSBMZu"
    "nm0pNniDuFslSfO0XSnVDHW7JrFeOGkhr54kW1a/xL50GdXQ6LCeluzgYf1ADueCaKv86Z"
    "xlQWEbQyOrLCPbgqrlXP07oWmww/Zkh7HNsTbyCSGAHkzgA4UecgQAGyGZCoCNkJSNyG6Z"
    "LQBaj3k4VGATRwXIuPASMy4E4WAClmgVJ1ZMDq1C0taHQVxiT2V0AU98YCLfNixVxzqaEV"
    "Y82qcqdHgxaZaGk37RV8hywqb4h4cdUzXQ3c0oH/PQYr81AhyoGoF6kpN66nzGhIvLwdfh"
    "CSILOpzvzV8vzofjE/REdGzdm4O78wv6F6t2Qv/6csEyKbCZkJ02VcIi2r/azL4J/7dQPe"
    "LJkZSRWS1NY08+fKgSe/LhQ3HsCXuWCZUIk99woGpgnZXrIN5vj8tWnNWoPv5L8bBmzzJX"
    "wMi/sTJdiuv4lV0BS8l1JuRn1xfwgp2d1birM9gzYh1MT7uNpSU6NCm+Y9RBOyvXQbh/rh"
    "pGWBpHmAskhLi3YgVA3Bv4W4D0P2TogWkGplkuQCHuDW7DyQHWNllfhlhPQPryz/tlnC9T"
    "21bCAMPFyTX8h1z0H3CtwLXug2v9Nr4cXnO6dW4tsM0Z18lgNJycIFc1sHtvnt1NbseXJ0"
    "jzXc9ayMGz8ikkVEsBFRK2l1kVDa3yT1Vs8k/FFvmnnD0OVye3nfwXMtLKlZEWGKhi6LvL"
    "QEEC1a5pXRDoDQlU93u0Bt4ReEe5VAC84wHzjvtg0w4F763TaSXZpTKIlpNrNfNLDcKKUV"
    "hHU8PSHoPKUqyjz4h4PKWTO7ee6WdheE9Qf+qIVTf35phKT/HSpf9Ugyc/uWHmJ0GV9C2/"
    "q0oAph0SlJBiSoJdtF/CDUICpJYTIBWTrWI0d0+w0kPBj7osSFPiqfUK54fA622t6BSU9N"
    "omumX8wDZKekExjl1vg3u+rw3IR2fn+kVQHuCmPJBXhwU9kFe7JK8ii3NDSKPImo5CmlhI"
    "10MKpQwqYVqhlMHe770fKLRF196rFInYJpE44HTYjc+xzfGIiaf9MhoxINUUlrq9KovooY"
    "XlesgyMc/4jmx2b1p1HrD3GRFzjh3Chw3SrWeTX6hmVeuRZi2mxMSM0sMLAV/YVq/CgMGg"
    "o9VtxfDP6Gp27to2EIVyEoUZNTaJ+cl0IXOgVe/b3Sl9dnZ7waraJ8pJ3JtX4/PhCefF78"
    "0g6DAMOLwenNE/XFvVJLnIHU+1eif+pBic+RubWwvhRl9tqkSyO6TVTNVxrOea5FrvanBz"
    "M/6NAs+l782b4fWIzwMH24Y0M4FlWsAhzk3UkZTfoUrwE3aWdFeuq5Thr8Ob38dXVAtRD1"
    "QxYx4P7Vg8Hnoy/Ho5vLqdKIOr3+mahR8W9CzpKqq5TD4bjZLPDIMueDfj87uzW9qR7Vi6"
    "r3kstnp8dTvgn4Xpc1w5lM5/al7jf5+Mr8QL30ogGwxHNA/9BxnE3dri1/vrzDf5BoOmPj"
    "E8Yrpv2Pv+tgeymwFUTnZnee1+OsCNdZAlu8NhRHeVWirJiIFiWldMOI/rKiYjBoppXTFx"
    "LrJaismIgWJaV4z6pBKOkDJzLAGNWx52nZeGlNryRFrnA+xjffmmRwTZVKqqeyUO+pZZ3z"
    "r9/YquLgWLbqHFnJLpkGu4taAoDhC1rOaW09QEy3QhcWYizh39fXwREkd/WsS8N6lBdXE7"
    "GjLDSqFD9OaW2mYmj03i51teT6OJ2XT8vko2o/fFuYzewz2yrt8ogntkL1HrcI+szlYHoT"
    "hdhh5CceAemVyANr9Hts24hku8mGJngl234IpUukG/POs8a6q4QduqAQ4oEPvJRVOsOiwO"
    "wXrEJjqaqyzTwqs+cjXLxjr9mIcrUBgRu7bE/h0yX4L4hpY6XX/xCWIX5IxdYOpWmLbF1m"
    "fBdpuSasftt19lpCzHj1Usx4/FluPHnOWIf9iEnk0b2BBpyQ7aEIdrM+RNRQc/0ZnRxFRM"
    "SwIPKrOWgQYqXkcPkxCAhNbSHVmAEJAFeqhiCdyMZCoAbkZSbgZqLbYxYmWutchJLqq4C/"
    "OMBWIXE2Fxm34VLow2V4hJf7pe+cYPY6Fes4MyYlJoxgojxrwU56noeP1MPzSWiHguYoQF"
    "Ii4vpYh1ERvWQo81ijBmZ0jCPIC7PnLyZWxc1KbLUkIy3+2Rhi9TPQ8vbK9OpFFSBHIvZU"
    "/yQECu25pl5ygqUVO+2yxQxQXq8SD0C9Rj8YoJ1CNQj0A9dgp6oB6BepRMBUA9AvXYTYAl"
    "px7P1IWtUrX1BJTj6lm/jGrUwla1+EVrNkMuZiFvLFM4oxgMqnoWDxdd/0dHC2L6LsI/NM"
    "NnAX2rJ6/6iB7pkOUg1WPC7IRdQDpu4zXinEPhsssRzOcZih6HRaiAhpSThuT/n8O/mIGM"
    "2neQfDyuWrW+rGg9VHBjFdwmZ9+G53cjVsHN1eZY9w2s35vfhiP6wZz+YJYA5er84urrCV"
    "+rqI74J7f8Typ/Nrg6G464vMaAMah8dr2rotL2E57MLdqPg1VXlM6/OIV3Rkzim5WtsGHb"
    "SOXNBkoDuiohdjCMZO/u9uwzlztBqotci+7R9P+Jxz2E0YSqNiEOhL2qFhVLFaPY2FHYAc"
    "YT7FuFhwaBJNwhz3MlUQ4uipxvCqZasc8sJyit56znYI3YhJ+EF/SrOEQ1iIt1duatc0W8"
    "ZehNuncoU9XT5g0WuZzw4Sx17BsggyyId8LTnrKfgvhPQc8qi4zgOT14zaSXt+Ct1vomG1"
    "9G9mCGxIv0x/GVp5meU5KgZZm1PCMmr2bdQM0ZUdCzzHoG73rxuam73nXI79I1rQsmO+R3"
    "KbSFIKbi5UAfuJUawJ8SBBVALAXEUhwwoPViKYK53wKow4VKjNtEfx2FN7NcpjC+oQeXm4"
    "uz27IwimRCiYj0FCzYoeyXX24wfZu47HQmQOIm6q9D6GfcTUFMRDtwTYLeugTWLkJ04lFW"
    "EquTGorrg3aU9FRYH74zTlzc40E1UU8/uSjye/SZ92BV4IvV9jqKWvUj4Vd9XiokH7izjR"
    "eUhuxoiSinVIRbcRhPUoRFJWCI6JE0oicu51FPC2k5mU/mPeYniiZGFLzGvON0kGLkzR3L"
    "f5ijI8/y6Mv4XAnbvKrl2tuxTRXMqpzKqgcK7bpyEm3q42gcVdbdf98N71hcTyC9LhBo8s"
    "vF9TUPI3okts3afxlc8LigGT0Bsr/vrs6GN7cDlgncp8g4nspSgZ+O2ee02dRin0oSPMR+"
    "RGHwUHHMXUasC8FDaaTfHVdA+t1xIdLsUeaWquOI0uAXB2itBLqA7q5DszRDJQusN6vekR"
    "M+GNdWTw0DFf60pohF+PEQrZccr8B1We/YsRKROB6LHziYgqkeA5XTkzlPXSr1gSLYUBvG"
    "TMaSBzMfX6SrmZ2TmqnYA/0egH7pI9qadlhwiaDAz5KS6sKZJntirHJXg7YqOTPm7mosKF"
    "zqg9ipVQx1Wqp7UB9/+FDlWsyHD8XXYtizNNSWTRFpEimREoSVS+aVSzOI1iyHdVoStCyz"
    "ln3T9acMhWmzyKe8OOhbZn2HhFoDVaclQcsya3nlLKvrRcgIyuxGkNKvA+FtskAPKYMgzE"
    "0yFWwlzC3p2d8Q1mT2lI5Cm9nfIIPQS84gFEV1lQQnJQK/KoQmJYPOqgUm5cIgUgFEJ+g7"
    "z/Kj4+8sbshFqoORp7LCfOqzuuRXnlmuIHFCoS30XzksKXxdLiIJgo6kDDoKR4FIB5ZlYN"
    "Us8LonxDKqmFK5ba1wq092awWejsejlAF4epF1rt9dng5vjt5yy482Il7BCRXss70bCd2P"
    "s5NcAWAgg1UmgwrAKts7tLWtMjc+lm+IbvdudmTBTW9Yte8gbdMQO6c/uyyda+p5v8wE02"
    "lLpV5e12Kg6+dLBbNGSrMGsqNuNzsq/QIPD1gQqF3t1kNCXGbEe5Ph18vh1a3y9zG7phCt"
    "p39a7KbC8Fd+3QE/hZvI/m8phKgq/CsFiNaYAmLp7oVFva00H96WzIe3+fnwYKlGQ9wFog"
    "B6JdDpHk+eBFiXMlex0A55q2gDPlzaaq6aD1jRfMcVXc8pJa6yotImGJXyjJOgavka0UQF"
    "WUnQQDMNQHa4YoUcZp4wyA73ErUuiKTLpRHBP4inNHUVCIQlviUn+aoLefrAT/PioA+N8a"
    "YLkFge1iDwm8nqN4OkfS0n7UuvADt1mEm2ZFQer8JFMwU1/Sro6m406hWeFQHo9UALjscF"
    "KFfJkIhNxzKMFnL+MafjcNVZh9aRTLoqbLcA1IR20yWItu3tTgysAn93euit8XhnBn2VWq"
    "ZRpsIHi2VDibKtqYj19zmfpZB9vD4FYnvdCn3vrDX/8WXJDsEHL6UP/gAraMbOoTpe4sHZ"
    "7cWvwxMUSN+bZ+PL69HwlhfBtBY229X0e3P4jwv+Edv8pMlrZ/mOVstbGUvI7Lhv6KVsP5"
    "1dAJfi4Fl9kCOp7nmDtxKSEuyIjXj6jGgHifrDJebz/phgAW2i5qQgpDGQXccNEq5mxLq3"
    "cra/Q3Frou5BOSEEJD/4Vw4UekgUAa4VyVSwFddKRKJsCGn2TkZHoU3sbZAkQtYkEelkyR"
    "vS2bwo1YT2c3inw73R2Zz+LyCyI9fAGgp75Yho+8JWtN5Ro4TwHoAwlmbn75cQxit95XRQ"
    "qICkSJfOYMdv3//l/ad3H9+vFLD6pAz3/EGXTj11qSyI6XtYsEwWW3hZOZnR7akzDzuI03"
    "iL6tex2oYaLGmwpF8g9FBRGCxoeVQAFvTeoa1pQUNx4b0VFwbjeefGc4yXwHpOgVlsPmPW"
    "TFkpr1rCybDcCfIsntrxBKn0x6qmy6JWLFM1EOu0jyyHx2odrQ7TfcQM9VdB/kg2tcX5Jt"
    "vtXmjX41SAHBPrUajjBC061n0bK494KaiHuyq0qdN+VQ+q4EpKAjwSs1YVn6g9hCNVcPYu"
    "VOcRe+wb5Ed4WdKElBzk+6yTOMEyPfxD4Bv4+2R8JQY7IZINUiGah/6DDOJuzTjq/XXmm3"
    "zJRlOfGFTn7hv22r/1dq8GBlFKDbmSp9nqpv10JArrIFvyNLFJ1Fhl0lLdiyvZSkReuNPm"
    "YC6P0oqlIA5P6hitg6t77mpzOo0NXLv0+eTs2/D8jlcvX/Vxb9YriC4ud76uTHpFJnvLYe"
    "Kqx0xO0fWqwkNxUqQz6WZacxUEQ6bB4pgShBBWqZdHqOL8ArQ8IyZx543mckYU9CyznqHE"
    "8M5KDEPh7J0Vznb96Z9YFLl4i38UVcGIRboActkaNfzHbTn9sFqiRuOrr1HzLCeRuaXmOK"
    "LsjcV4rwQA7fpoQ8LG4tXlMFP3VUnYGPuJ6ifuy4pCyqymgUGQtm9f9a08XD8OMSEEQx7C"
    "EA8TerjQB+GIkqkAciUeQq5EuMW3xVt84qN5CzjXztcn2SGlcrrErFFSoUxeeAWvBYQrJv"
    "o7UGwT516ZCpWHgaAei7kK9l9xpGjYoF8lWjTRdm3A6Dfrmcdp0lWUu7NdHr75GXlzjCaX"
    "t9fIVl332XJ0RFyETc1Z2nRkoGfizRH9Jv+l0ZH2X/xTKx8u2nbngmBRuPApy8mwj0oyBC"
    "48W5lbrmAzKEmOlhTqYNTnVnwqHDTbcgRIF1MCSZku2UOthXF4hquwBVc8fCuUQUzI7zIO"
    "ylMdzwt2iTphUFfjqyGFli7d9+bkdnBzezuanKCot3uT/xn1u/egJd/FTt0yoEmZLvhbdu"
    "BCjPZqZbVR1/FuiaW7AP2uXV0zx1oodcd7SqiLe+k2wpo5aA0iFLJyHcR7KyuMg21jSU/3"
    "dbBOynRhNdkBzMwifFQsG5uiG6Flt4Mykvu+HyQ2aSW7FxRgphlEe2wGdywKeFfAW38kC0"
    "W3FvS1ddaRjFj3lpKtWJscNRcbWPNEwU5r4E4Kdg/wj+8q4P3xXSHc7JEAbdshTywlwCNe"
    "NjuJl/fSBT1A8Jk0quhw8BlUC+6a1gX3A3JFtSDy50XHGb4QXw5E+Ww7yqeOt3lNPNDYxL"
    "cW/c92o4H2OvLbigVq2W+/SkFW5LdP5ihb57ePkn1VdNz/nZh/qsfoyFVNfWpRlbxC4Y2d"
    "Pvp2ezlC9HPE0ouwhEuhE/4nN0zONLN8+nS6RN+pAfA977hvu3NhlqdwMIuyOIEbX0o3fs"
    "1cKpskUZFt4c/Y9u+r2Pbvi23791nbvq5DB3w59Xw5e7gAKRvKu6ZF5t7CUKaWLlgzikFP"
    "CQHsDWBn23Jt2FNCADuQgEAHAQn4IrVehQSUgYnat3bh3mX3oQcaEC77yQVoLYKvYOhqYW"
    "GGDfPhd7C+QzraIFW6rTlONa6WHQxO27wRNvFtm0WOBt81xysnH/cr3AaLm1ckln+bW2jh"
    "ux4yLQ89YA89z4k259zuG0TXIcy53TC8tY9cCzn4tUsnAkUS+TYy8RN2EN1HVMdFKppaLA"
    "tqnmLe3muEZHO0X3FU2D9czbLx6h+Kg2fAQstz8uiXsNArFVblSlcCnSA2dpEtLpobTe46"
    "rYRlRrs3GI1OkGoY9+bl4OYXalGyfM6r6gf35re70xPm1bo3z28urk9QVBhq/9ed4vWq1h"
    "qUEutMouYd258OVl1R2dJqMyOWlnpq3F1N7k4nZzcXp0OWwtz1p+zxFNNJMbg5V07HLMM5"
    "nRzspBNsu/fm2fjyejS4YFnQNYv5sQlLhX45uLobjNi8Mn3VkGP6AE9bDP1hMnZVeFogjl"
    "52wi7JItSBwtu7CrZC4e01v5RkY7yt9FL0e6Cru9FoXxl6Br5OMFXTOXapaaB6BbyMqFm/"
    "jJ9RQwH6U1cSNao8qvprFi44s5wFirr6jL5TIGfk4TuaW/S3IeK5yPanBtEQ0d0+YpzJEr"
    "mYHmW8VM4dcanHlt9xb96b3z3rEZvxnaPvrMkl9tSfXKRqGnZdxFuw+pFfLevBwPTBeOB7"
    "c0RtF3ogmAfPP8dP3bnleK8N8sSq6qT6oF1rKqvjg6bYJTqm35UeaD1ioO9BOyX8Nj9sQr"
    "umJ7uScMVoueR6B6pImh2uX0IVFdeYXG+tHUK9yd7l8HZA7Ss6f+7Nr+Px1xE1zB74xJDD"
    "2oKwxu2GNQZLcR7h0qKToQTUnEwZr23UnMxsbnm9lETg5UU7MQl2HYdHD1xKcPhopocieb"
    "gY3UAXqUNWI20U9gD62FQfq0NvXSK0pBuobSZP2GKeBZ2qLlZ8p5bzNCnThTmXPpR9qHQo"
    "+1ByKPsgOJSBiwFcDOBiAGJbft5101hKg5jCtGY14gMj4nREu+oQ3Om4AX/TaNMIpcnS1G"
    "78TgWd7oK854OrhLWPBl8Fun415Nfz9APk4gdWzgG5VG1YR56FVJTg+xmZPlfNB6xovuNa"
    "DmfDWXZ8Q3U9NCeuZzlLRHRk+6yAMDoKSO9Xebp+u68SEuLhC8MhsXJ6ADUuzR7ZL6HGU4"
    "OhniJyohBO1iw0gk09JZivDYyFvDRY3zJb32AWFk+/7pqFia2xtnWYlwUjsfFiGx5X6hdM"
    "TcmBAuDy7mFADwTJLiP/EsbQhqhO4p46Cmx6RV2PrZ4OqdsQ34JAvY5inT9CNCf7gMXaM4"
    "sVwVZCZCWQrcBlMetRidS6ls8qBknIDxkhp2Zjh1h6jheKIyp5YbHAvPkD2CIp2SL6HR8e"
    "cK0SDwmRTgQybTtUMpwmNRCOJbrnmH93XOlac8mt5ty9WU/1/II6XhVuNa+kd1i/ka7MLN"
    "1Brx7ivZu7qyt+nzmUvzcnd2dnw+H58PwEub6mYayzWPkvg4sR+2imEiMIqtr/LEjsBTlN"
    "lZNkaUkgyQ6JJJsRkzCvUwO1Z0SBApeZAneFJnIJ9WbuuCbxlv1LrRUkppiLAmkLkVy1By"
    "jzOR0W1lMtMBMSAGcWzoXqsRt3NeBMSHTobndrgPq2Yan1ZntSBEZoFlDWPaMf8Q/N8OsB"
    "KxIFgLMAT/mEFphahbgmJABOIZwKPYXRbykAtfiqX05Qjht/7H2dufHnBrkVG3iVk3Id2v"
    "d27FTGjmM5tWZFLAHTofXpANEukswL5nyprYGEEEAPgUaHqgAINIJAIxlUsJVAo8ir3lIU"
    "TMduXWWhTexoEMPVJrAQw3VIMVzbDE46NSxNeLcueNAvC0TSrMWCasNbKlPWuOK1uu+8MX"
    "a+I9NChmU+YAfNeR2AmWMtUPhY/37Cni+ooU2/uNsP/jB5mr0+u/lGHMTSDrI7c5bPK9k+"
    "Efycv1q3/deV5psLy8KEXyL+Zz6iCmKnpIydgns/xQrqbkhDOElr2yFpOTBFGluB4YLZUA"
    "EOKGBTBUCVROA/XgL0wH/skv+AKombV0kUbJMtjdLq2eoPFdv08aAqvoLFGPAtwVeXkOg4"
    "sxac1BNQHdGjfjWyQwuab+HWVeEdK2bdsP+nsNI28efUhpkHSVyIDrevJGUQbNVp4lBMiU"
    "GISdPjtI5tb55HviSOIWwPoWw5m9zSl3kki9M/R+13eOeqt939T0htbSPXM4NOmXsLQbLf"
    "crxXQgB6bdAP8I7hE3EJk6+ngd6vF5OLU1ZtJJS/N6+HV+f81qGNTT2ooXpxfj68OkFzou"
    "vYvDfPh6PhLbtwGBzpJLlxCPR8MfTdpeexTpopPSUItw1lvm0Y2Da1j80pMTg2A/1/YMCz"
    "aVTfVoyFAHrwvBwG9OB5Ac+LXIDW8bxElOyGgF5b27uvJAGiiY1pPaQxm71TX4tk572q0K"
    "YOulLVXD6LXCUT7Hn0pwabgcDpkm7Ur+Z+cZPtKxVbdqxnZLOwT3+KvLnqoSAFvs5LLHDt"
    "nSBqK2thtOez5ehoRgwPO/QvNoLp65BBFsTr03biMNMtvmdtfClEkkpzpumX+IFWqs8rof"
    "i+a0oIrryWc74NrryySaiEk7COXrJyoJrWVcPPDgw1ha+JYl6+xB5Oi3bAH5Lh0isVP3xb"
    "Uvzwbb744Yw4FLkAPr4DCTYMyzKwaoqBF8pnoJ/SDraF/eqT3Y7/0/F4lBr/pxdZf9Pd5e"
    "mQqoMrgzYiXgEJ4dt6Q4dGWhIcGhKz3bkSc0C3Auf3EqAHzg84P7kAXcf57YtCMZ+oZaGG"
    "v1rAniSe96vGrcYylUtg6sTB1JRJylIcn9nt2MWUfoKO3p68fYUsB6nIXaiGgR4cy7f76J"
    "l4c2Iiy8SMDxGVvGyz6/XBtECKSEmKEFfhWq1pZyTFwLyoYV54xAvCxaqa0iuBzhnQx5UM"
    "6OMSA/o4b0BDPFox+odpvlWJR+PFXMPkEU1rwabFQf+HpP9o7k6XtW3JnCjErEHM2oEBDy"
    "QKkCgyqABIFElJFPFe2dJA7XykT+6IIFm0T8zfXHLmpreGsApb9evTVkpIDVVir4r1UBpR"
    "o2WoNb5YaOEYKy6DmWqW7QauZsvJPnHDi5klTY22hCzcJpLHv5q30P60iNmIlkkJglUui9"
    "IrWeXJnaO2XZ4XBjMFLMQDhT48mDRTQVoYVAHGurTGevbwviG0WTd7RyEW7HXroc4aPDu1"
    "5A8VacF6KlPYyRdDfegJrHf+eb+avT6jbSuHlwT2/E8ucrBtOTyvusqvwvRRmGaNxX+Err"
    "Eg8oM2oEdW1zJFMSUb91cnK1vIDMaJX7Lp2TzVod0EIz3+E1K1ScsHZBSWj5FYnwYo08Xu"
    "oibqK6d3PZ7cnvDpcW+ejS8vh1f0z3Ce3JvU/poMvg5PoumSnW6VLim0nvAnnkT1DrJJMT"
    "jCNrYmgqVSPDkKb7CFEjLPheaXcCrewim9hpMLIzrAVGSWjc1ezQVofM0yjDHJe/NmOBmP"
    "fmUJxhzsWsYT1u/N84vJ5cVkwrOOEXdBXBfyjsk/Q7rLKEYjs4HaM6LgLZDZWwCRRHs7Xj"
    "CzrUHdl4wgBNEBU38Q0AM9DLFccgFaJ5YrWnV3zv9KtlRXxTazS0kVx3UZsjwC+vcyJoCq"
    "MMBRFc1KJHCtKK1CKjbr9wGOVVqOFaoICE0kqCLQEdAPkLqDKgLA5r1ANg8yzO+TaIDoTG"
    "lUAXQnkG0vAXog24BskwvQWhcnIbZ1V7GtkIm+DsTyZqK/pP/ncNUPtKJUark2/Yos50pO"
    "SaToXh/0ejvHSPV14iHDejhBmI7OJYo7Q0FnfTRdIjX63HLQURDayvOh0VE3m6Ej38UO+3"
    "NwfYEe8fJVPiB2y+9qECwLxKy0xCwdDHQWc32L2asCczgt1oi2kmzh20GeMFUTb+OlOJPO"
    "xlG+rwLx+2KE3+cAXhvKXRonfAjh201DVrsTki3bsrGnAueeSgQenuLaFbGEHFUr2Gs7U7"
    "UCXAnF86PDrgR+CGp6y1okDQsisNkHBjyw2cBmy6ACYLMPgM1O7XnAtFZkWgUHBakI1yvL"
    "IzOiFdatSD3vVyNazYTMLmNKHawRm+BgFwLeUlre8pH+eDHFsz7cLpKVmefp3QyvR7+za7"
    "G2sWTX8q9uL8ZX7Fq+yVrkL+rTT8bnw5tB2GxF92fdA/thixIloavPmIQQGEbNI654ZocG"
    "wVZJOcD/oCPeQBP85P+jVj3ZqH0HwuHTy/uHSr6tDyW+rQ9531bDhLqQS7e/d64zwqRStR"
    "OguF8exd2M2ob9CijtgwR+xQE0SEiRlgQlgF/hMKAHvwL4FeQCtF5KigRru1OfwqGim92p"
    "KvpuwGdTx2cjoa/mmtoHPYGPhn/er+abYTbGLn0yrq0GA6o46fLarMzx5Q5w6kjr1DmEOt"
    "U7C9l9V4mle1fC0r3Ls3SQh0XIykAelo6ADnlYDi8Pi01ME4v2XcsysGoW+IZXQhlVTanU"
    "tnS1+mS3M+V0PB6lZsrpRXYq3F2eDinsHHXaiHgFrIphaY+1sY6FAOsaWC+wTlRqAwiWo+"
    "JrGikhOW5qsPd156ZGGNagWb6ILVgbDrGS2x2/+PN2z/zHb9//5f2ndx/fr476q0/KTviC"
    "SAfwEL5ADyFdr5opPSUIvn+Zff+86jG7ivzE6J+GVZMz8jDLZRkCkDVPTp4MIgH2Djxnnm"
    "tDn5QC8CEC4DCghwgAiACQC9A6EQArH+GGiE6ifjqKaXJvgpR4LTv9pU2Jd+1YM8KhzTv+"
    "w0f9ir7/oHn9Ws+rLlDYBSImskyM6Cz/jL5zLwYx6PPvyFWXbh/Z2EH85/XR89xCLsYuIl"
    "5p/ec23yEIUMiFG6SqoYviEeaqqVME/1iXIE8nrm2oS4Xrpg8xCns/hRbHKIQqzWmgOEgh"
    "luhglEL7Odyyc6EqzFm5DoL9tmrd4bKyw7mQEGLlYS6JUAiaQ2xC7dgE9YmuKY4SefhqMm"
    "l5YeDTmjILBjEfa3llVwLgkS2fFg08svGprI5G0lJyqAVSGoI398D9PL6tN9R6WhK0LovW"
    "BQ7e8NuDf2nvBxFwcewX+qa5WwXCoArwNoG36YABreNtShG/7QzV7l85FSyaYqT34yO5wW"
    "phuaDVs341L4mDa1UHGpuYuyICRwb/J15YfxL+L3bWY0V4wgjkvAOktnSpayNTCyNVryE7"
    "7Plrct4NcFxI6bhYWxtl/f2oA6qT0rseT25P+PC/N8/GlyyB5kk0C/LZM7OTaj83ofZWU0"
    "W2LWU/JkGwnAnnRkEIeyQg80yQxrEHjGIx9IfJLVVhFIFbAm7pRUIP3BJwS5KpALgl4Ja6"
    "CbD03BKLVyjilsJn/arcUtC+cgguO9D95CZIIPoHy22OpnhGRxNSTcTu4qIj/t85cT3LEd"
    "WV3qinOvm+yigoiIwFgkmKJQwIJjiM1rYLdpvfTrZYT0hvd9KdaGZg84oHenfZvDBpy3RZ"
    "ew/JSkL0etNdBBhVYFRfAvRA4wGNJxegdWi81X63cw5Psk2yKrjZA4JUF+iDtBAC9m6VL6"
    "IKdceTL2whc34+D77hP6y/dU7PhoS/Dhg1ORk1rsYc/sV0QdReZt6sIV3wqQpb8KmYLPiU"
    "4wrq3i/v8L3y40pczHEJF3Oc52KS3ywHczElkxEDZqY2M3NYpdFZ3gbNdyMPWB0G/vxicn"
    "Y3mfCC53Ev9+bg6mp8d3U2ZJT85ASppmn59McyYt69N4e/Bh/jp+Dv/74bTljRdPoR/dbu"
    "Kmx7/2z9an/OKbNw/02KQIbqfEZ2FiHvKppq8iJGgrNNWR58kfgOM+JH55+DTYgPlHHxSO"
    "8uZQxXyrum9QgjuFIujQ0JJDWQ1HKpAEhqSUnq/RCoA4q2tuwJGNTwSb+MQlVZG1I566iJ"
    "LOdBNYmr8gRN1rNJgUX0uy0RG24uOiKei6aOauruqzfowkMGecIuom3Zg7m1wLxhH3nz4F"
    "/0c/Ss5uzCLb7q3lyoOkYzx1qw5KREmyPiIvqDLS44I47rBf1+pqJ0455bVA9Id2j3vC/H"
    "MozXvv0TfQlWDW+OZob64FYMxgRCWEpCGDjL7XKWwUxR4vmUB7s4JZ1QGDLTlfObkJkODM"
    "pKNIIcds0L2YNyVk3xoTGR39YmyiNeCtbM01Dyyy832FAL+OnUcXBgE3qeP8AZWHRKT4cp"
    "8+NgGzidsp66ClPIt7eB0yXvqktA5Y21dczD2MS3Fv3PlnmHvS6RrbEObVu+4YJWaP/GC9"
    "4aK3ipJNfZSsZwIPf6mVB7cnB9gajwCTciXc2yWcUL2oTaq3xVQkfa3HKxyZNHOZh7RKnd"
    "ys4UXGTybfD6+MNHZos+YltUjmP77wPzVeKjQx/M172Zr7aDZ+RHHYRjiXYw3u8gT18wO6"
    "5yv+y4+HrZcRZeuo4pc9Wd1wE4KdM5iD++rwDxx/eFELNHmYKbfIeow7rEEnJQLZ2qzQBU"
    "S/FM6C7Vwst1+24jvWdlobC7PEEaeU07+Ml6bKTntCRoWWYth3Zj7ZJTSTEIC4GInMOAHi"
    "JydhmRo66iNzYENQ4D6SisqeVUvtCcwJNQyE+uHA1r6cnYuVElORmPeLGeTayj6ZIlEAt6"
    "QUdq8GiKDct8cJFnIdVDC57N3sTC7GSbdAWUosQrer+EUgQLtVhB3bVQ4UQLJ9qXsvqVnG"
    "fh8LWnwxe42iV2tYexHoVH2TgWZO1ZNhGBUuUw67vYQdaMh18HPZwgl05EeiIlJj1sapiH"
    "edPDqeaxT/ATdiI/+DPx5uwhcaJzq2MZWHTO3dJbSvOKsHdCoSd5NoWyIzHTaB0XZdS+g1"
    "729u/kg71RDD3YG2BvdNjeeJHQs42/NvQJIYAenBdSWRvgvNiS/ZxdNVqA9c7tVMx+FtTE"
    "MimVP4hMsOfRHxgsWFkbOn7aL7WgieImG1b0BbHyMs8mMlTzwadf7zXvGWFTty0KJJpZDh"
    "pcvF4NCOTiB57X6zM3hx+p1Utc2lxzljZ9XOQm2sJbwIMk8bbaLzGXp6qLFd8x6pjMSZkO"
    "ms0fKgWnfygJTv+QD07nc6wOyCuBDiK8lfD/8GKQslqY8mgX590UCncC+TIeYhv5NyHhWf"
    "EkOEyKSBBlmbusKgdH8UL28xr308F5dyDOuxusWQvb9/BEm2Pd56AJimVmG5UaIU7UXHHD"
    "9pWNEc2xzNcGecQoEuVmgYpm9GujVcfMEWeZOLIQ+szhFmVyYtUx6TqN/k0biCyRbbyi1I"
    "sX9lBSGcCk5wPF8U22BUFVADkNFjZs6pyjo/adOMxl/HvHVY7RtFWxh+84d4zGJvvtoiFe"
    "lhw6IQU5oavnhE4uODVPyxnRg7mD1GOLN/vyq2WfBW6wY4aHju5uz1595p2i5zk2WV771b"
    "h6WbeW+E3CZiMjI3owI+NF3k6DiIrize4wzeUqERXhUbS2xZyWA+8yxFQcBvTg2N+lYz8y"
    "dDdHdRL31FFg0yuqTI7oiOPRV6xPT0AJCVr1yzih1aFbWTEsFUmhsYkTR/Y0SfMG3XG98z"
    "xmIaSIRVzTv4mloyN26M+d9/vIcjiXo6vLHEG03dfdm2EI+eBi5d7+iT4gxjJ+zas+ci2k"
    "Rr3SI7XLA8yDhOQssBw9W84j/b8H7LmsOwcHqcmrk1Fs6vHuS2gp+u2d8KQHrJScrFSow5"
    "wGSnKPrSQ6yEy1nxqLvv3hQRRWVYxwQmSHBf3cBDV/iCH+wYpWB+dYogPlKjPwVgpUeFsS"
    "qPA2H6iQWM5zKJeb/GlJMPkPyeSfEZO480Zqz4gCoSczofenRUyR+6TwIBYLQMnSLE1j4J"
    "lgthRCGTUHILNAYsexBJt6cUDcSqDRnn5A68s2YuCA3gV69yVBD/Qu0LtyAisxvRt8s68B"
    "7sHPz7O7uUb9UnI3/LUPq/Y1uN2h+WBQMwMlHiHPd4LEGixrHHpSDcJDtJHjG/gz+h6+73"
    "vAijI6lWfncNUnJiQoj7HF96y/gVQQCQhsqnxsqmMtbMECV3xcjSU6wabu+sDq+KKkKcVl"
    "B6L2uy86sB/Qt1JegIGoeHRI1xnoKSEY6w3GOv5hG3RTjnbTygZxWqwDVPeugYcrkFu/Au"
    "l5mG6DggoyxUl6EiK7s3rfbvf40hptBtGZxVB311WzR/pOMuIU2LsXAD2wd11n7yRbVVog"
    "7+hXQFd3o9Ge2btbenYy1ILIzEyTfhXmzgtbN8oaRKaO6ixR1EcQBslL873mqXGxi1SHhT"
    "96ah/R7/KGWTSsZh+XK6wq0Wb3pTGRj3gJWXbl2Rf6JQzdIxYkjiutA9pRO+5TFTPuU7EV"
    "9ylnxEGZ4O0ayTN1QYxaozeW2CHro/muZy22xf2kcX5fBeb3xSi/z4Gc/Fo5pItJtowYkG"
    "yNmHwglXcOu6069F9eWC2hqhslLQUVnFt3sQSLqGI7lo0dj9SrrS0UlkNJ7LXdURKQrC+Q"
    "ZAWSD0g+GVSwnVxwOyOiGOrXhiqMHls965dRT/yHcaqmGud0GydfY1J95GKPlRxlbBDbKV"
    "XPctDR2egC8WxujCuaWc7itaoviIkWvsd96K/eoLBmKSvKZPkeberQpSKjs+2+7d4k7EZv"
    "cCkY24a1ZCQcfVU4yvgr0dH3yyHL5/Tt7lQ5H34Z3I1ulevR4Oo7FE+Vftnrl3BYdjg1qt"
    "IAUftOGEhpAuDdcQUC4N1xIQHAHmWvQHjKtBbLEkt0wOzfAY/F8GpwhXQlBcdlWY7LEUaQ"
    "YFmSXSN3WK5ztoMEy1ImWB55T1+IJzomh09KD8kOti3HUwzvib7Pq3GrgrZmGYzV1SHWwY"
    "y8wfrr0e2vKHgTOjr9+l9Xp+fo/0Nf1cVCfc3/+4pntKEvQzFNKL5RsYV31LlNQV8P2Wn2"
    "vmaVnXTpGuP5Au6THcaGpr/ILUXZrBOhtMwn3974lxNkPd6bXwYXo+E565QYWL83764Gv9"
    "KPBqej4QnyTfWJfs6+2r15Ox4rX4a/0RFh0YUF54zPKke7LdRY5bSz0JNQOF1SMnD7PRtQ"
    "OLcc8m+2wajLOqhmxXYH7P85FGT5tlHf53XgrpReuJc6faQa9pyFO/XR9HNyZ0V2H/2rj5"
    "6qrSm7drlAOohdOofjA1IO8XWJf7xOu7cO1z4Hf5ZsJjr4szrhz6LG+HVgvhakREg36Fc0"
    "2u2VSPUSSOGZmhrU+IeNmT2NbN/R5qrLIp2p3ezamP7XYnlgmQeJrta0bXhoREf07YaqUa"
    "HpEmFVm7Pnwhjr7b2oNNqaDwA6TDyGA4RdS7Oy9UsM+Wh8KKvxIVjoDEstvsMsEM8oZ8bk"
    "D3fhE4F9Pr6j1j+6vhmeXUwuwvP06vTAH7KP4ko9N8PBKH9tPMCOT8ZmsK9E5Ya8tyCm5S"
    "D6loDp3Dv2tmNN1SmhLZaKapAnQXx8CfxCabk1IMugB8sFLBewXLZ80zk8gzVTQVoYVAFG"
    "pFRGZNFgbwnas7i3LiOcnuQymes33MQe/mD/7Qms9dTzfgVjHfOmlY30s8mvKBAJPOBBL3"
    "1Ez3y6H9rEKvrTmn5GuvVs0lOeTj/05o7lP8zpE5cOOfrB3c1IZJm33Hsdp3riagN41eU0"
    "xlWbKI94WXvfTstJnCaGl2q1Vcej3wXRb0xHtuoh1X2kY/qIBY1EpZceHJVqht35N5avql"
    "mM+zlvPRKR6V5yb50I7XWpAh+kCfl9mb5gaa/VHV7QT4829bFeUwG9/74b3rGAn0D63ry5"
    "u7q6uPp6wgq2mVQj9+Y5tZxP6BZt4mx4UMXFasshP/Q8wTRZj8xNCu2Szfr5zbaCU7ZMZj"
    "nWM4XPF+VeKtyrUzIQWJXLj0gNE2Eyq+JIkoQIxJI0yF4LkTs7RBuuphcvJYd51wZKtYHj"
    "AxwfwLbLpIIDD9kKOF6qpSghaSEPnGjTr8AFM5IsKs5dlRBO0lUGWRAWTOVZiH0dfVXp+4"
    "SnAUCquWRZABCr293nkVVU6ic3pHkZvYWRZRr52uTbec29SZ+5eCWOjljsl2l5c/paRDHC"
    "KCxazgZChQivkGjkhlGy4g3EecmwHPZLqGU4d77Ec+ceHQrSaXkv7gGo2ylDPAycyOFE3p"
    "UTuWB5bwHVgU1+CTrqKK7pHU3OogqHiq30JVHPVWIsJ6Zqu3NLaEwK2/UrGJTRT3dDoRp5"
    "PEJRara55N8YqR43xPi1nBmrfYB0dZk0z2hDdsBG/6bP+oEdyKMnaDP66E+LmPxqT8603O"
    "K77k0Dq0/YfYO+EFM1gmKqzw6L1DZPkIpYUQcH8dHAvOL0BWHcGbVEn+dEmyPdsWyXvZY4"
    "aE5cz3KWr5BuYZdZqfemg1lvtM95+JWj+JBntTCrSL4oK7eLoBCERMeEfomlylSVg5+ZqG"
    "Lww+Zldqk8S29PRZpq0HmnOnzKEVM45bJzuL5zm9qe2VqJeDHFTm13dVasS+fh1pzWfEGs"
    "AeqqPfj/s1AGG0oNLGMBADPHPli+oxWUfqkQsLWS3mHAlq6GhVHqrKrng4vR7yeIy96bp4"
    "OzX75cjEYniB0iZ8Qwqq2nW0/DBBTsC6RggQEEBvAlQQ8M4C4ZQKCpukBTDbBDtHlPQEyF"
    "T/plVJQat1lHPBVj2nLNgZfClWx4VC9mQZ6w4wpL3RVfLUqIdPB20fGHDxUO5LRVccZ79i"
    "x9NmCTqgbCYfMOovu2Uj2BtyX1BN7m6wkUxvKXVEgrjOXfwQWu/QS5tnZVK3fy2uVm9r//"
    "D60MH/4="
)
