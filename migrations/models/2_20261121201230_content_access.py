from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "contact_billing" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "mrr" DECIMAL(14,2) NOT NULL,
    "ltv" DECIMAL(14,2) NOT NULL,
    "currency" VARCHAR(3),
    "billing_status" VARCHAR(16) NOT NULL,
    "product_ids" TEXT[] NOT NULL,
    "price_ids" TEXT[] NOT NULL,
    "plan_interval" VARCHAR(8),
    "plan_interval_count" INT,
    "plan_quantity" INT,
    "next_billing_at" TIMESTAMPTZ,
    "will_renew" BOOL NOT NULL,
    "is_trial" BOOL NOT NULL,
    "is_past_due" BOOL NOT NULL,
    "active_coupon_id" VARCHAR(255),
    "discount_percent" DECIMAL(5,2),
    "discount_amount" DECIMAL(14,2),
    "subscription_started_at" TIMESTAMPTZ,
    "canceled_at" TIMESTAMPTZ,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL UNIQUE REFERENCES "team_contacts" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_contact_bil_team_id_b7c584" ON "contact_billing" ("team_id", "billing_status");
CREATE INDEX IF NOT EXISTS "idx_contact_bil_team_id_6b6ff4" ON "contact_billing" ("team_id", "mrr");
COMMENT ON COLUMN "contact_billing"."mrr" IS 'major units';
COMMENT ON COLUMN "contact_billing"."ltv" IS 'major units';
COMMENT ON COLUMN "contact_billing"."product_ids" IS 'products ever bought';
COMMENT ON COLUMN "contact_billing"."price_ids" IS 'plans ever subscribed to';
COMMENT ON TABLE "contact_billing" IS 'Per-contact billing facts, recomputed on every billing change; segment rules read them.';
        CREATE TABLE IF NOT EXISTS "coupons" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "percent_off" DECIMAL(5,2),
    "amount_off" BIGINT,
    "currency" VARCHAR(3),
    "duration" VARCHAR(16) NOT NULL,
    "duration_in_months" INT,
    "stripe_coupon_id" VARCHAR(255),
    "active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_coupons_team_id_767fc7" UNIQUE ("team_id", "code")
);
COMMENT ON COLUMN "coupons"."kind" IS 'PERCENT: percent\nFIXED: fixed';
COMMENT ON COLUMN "coupons"."amount_off" IS 'minor units';
COMMENT ON COLUMN "coupons"."duration" IS 'ONCE: once\nREPEATING: repeating\nFOREVER: forever';
        CREATE TABLE IF NOT EXISTS "deliverables" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(24) NOT NULL,
    "hub_role" VARCHAR(16),
    "content_node_ids" JSONB NOT NULL,
    "tag" VARCHAR(100),
    "created_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "product_id" BIGINT NOT NULL REFERENCES "products" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "deliverables"."kind" IS 'HUB_MEMBERSHIP: hub_membership\nCONTENT_ACCESS: content_access\nTAG: tag';
COMMENT ON TABLE "deliverables" IS 'What buying a product grants. Content node ids belong to the content domain; we only store them.';
        CREATE TABLE IF NOT EXISTS "delivered_hub_memberships" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "hub_membership_id" BIGINT NOT NULL REFERENCES "hub_memberships" ("id") ON DELETE CASCADE,
    "product_id" BIGINT NOT NULL REFERENCES "products" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_delivered_h_team_co_5ba3d4" UNIQUE ("team_contact_id", "product_id", "hub_membership_id")
);
COMMENT ON TABLE "delivered_hub_memberships" IS 'A hub membership created by a purchase, so that a revoke removes only what commerce added.';
        CREATE TABLE IF NOT EXISTS "prices" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "type" VARCHAR(16) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "interval" VARCHAR(8),
    "interval_count" INT NOT NULL,
    "trial_days" INT NOT NULL,
    "nickname" VARCHAR(200) NOT NULL,
    "stripe_price_id" VARCHAR(255),
    "active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "product_id" BIGINT NOT NULL REFERENCES "products" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_prices_team_id_10f459" ON "prices" ("team_id", "stripe_price_id");
COMMENT ON COLUMN "prices"."type" IS 'ONE_TIME: one_time\nRECURRING: recurring';
COMMENT ON COLUMN "prices"."amount" IS 'minor units';
COMMENT ON COLUMN "prices"."interval" IS 'DAY: day\nWEEK: week\nMONTH: month\nYEAR: year';
        CREATE TABLE IF NOT EXISTS "checkout_sessions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "stripe_session_id" VARCHAR(255) NOT NULL,
    "mode" VARCHAR(16) NOT NULL,
    "url" TEXT,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "price_id" BIGINT NOT NULL REFERENCES "prices" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_checkout_se_team_id_52abde" UNIQUE ("team_id", "stripe_session_id")
);
        CREATE TABLE IF NOT EXISTS "processed_stripe_events" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "stripe_event_id" VARCHAR(255) NOT NULL,
    "type" VARCHAR(100) NOT NULL,
    "processed_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_processed_s_team_id_18d4b9" UNIQUE ("team_id", "stripe_event_id")
);
COMMENT ON TABLE "processed_stripe_events" IS 'Webhook events already applied; inserted in the same transaction as their effects.';
        CREATE TABLE IF NOT EXISTS "product_addons" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "price_id" BIGINT NOT NULL REFERENCES "prices" ("id") ON DELETE CASCADE,
    "product_id" BIGINT NOT NULL REFERENCES "products" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_product_add_product_8534b7" UNIQUE ("product_id", "price_id")
);
COMMENT ON TABLE "product_addons" IS 'A price that may be bought together with a product at checkout (an order bump).';
        CREATE TABLE IF NOT EXISTS "stripe_reconciliation_runs" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "period" VARCHAR(16) NOT NULL,
    "started_at" TIMESTAMPTZ NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "repaired" INT NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_stripe_reco_team_id_5e9f86" UNIQUE ("team_id", "period")
);
COMMENT ON TABLE "stripe_reconciliation_runs" IS 'One reconciliation per team per period; the row plus an advisory lock keep it single.';
        CREATE TABLE IF NOT EXISTS "stripe_customers" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "stripe_customer_id" VARCHAR(255) NOT NULL,
    "email" VARCHAR(320),
    "created_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_stripe_cust_team_id_f09e86" UNIQUE ("team_id", "stripe_customer_id")
);
COMMENT ON TABLE "stripe_customers" IS 'A Stripe customer linked to one contact; a customer id never moves to another contact.';
        CREATE TABLE IF NOT EXISTS "stripe_settings" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "secret_key_encrypted" TEXT NOT NULL,
    "webhook_secret_encrypted" TEXT NOT NULL,
    "key_hint" VARCHAR(16) NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "team_id" BIGINT NOT NULL UNIQUE REFERENCES "teams" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "stripe_settings" IS 'A team''s Stripe account: keys encrypted with app.core.crypto.';
        CREATE TABLE IF NOT EXISTS "subscriptions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "stripe_subscription_id" VARCHAR(255) NOT NULL,
    "stripe_customer_id" VARCHAR(255) NOT NULL,
    "status" VARCHAR(24) NOT NULL,
    "quantity" INT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "unit_amount" BIGINT NOT NULL,
    "interval" VARCHAR(8) NOT NULL,
    "interval_count" INT NOT NULL,
    "mrr_amount" BIGINT NOT NULL,
    "current_period_start" TIMESTAMPTZ,
    "current_period_end" TIMESTAMPTZ,
    "cancel_at_period_end" BOOL NOT NULL,
    "trial_start" TIMESTAMPTZ,
    "trial_end" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ,
    "canceled_at" TIMESTAMPTZ,
    "ended_at" TIMESTAMPTZ,
    "past_due_since" TIMESTAMPTZ,
    "coupon_id" VARCHAR(255),
    "discount_percent" DECIMAL(5,2),
    "discount_amount" BIGINT,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "price_id" BIGINT REFERENCES "prices" ("id") ON DELETE SET NULL,
    "product_id" BIGINT REFERENCES "products" ("id") ON DELETE SET NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_subscriptio_team_id_949748" UNIQUE ("team_id", "stripe_subscription_id")
);
CREATE INDEX IF NOT EXISTS "idx_subscriptio_team_co_9b1583" ON "subscriptions" ("team_contact_id", "status");
COMMENT ON COLUMN "subscriptions"."status" IS 'INCOMPLETE: incomplete\nINCOMPLETE_EXPIRED: incomplete_expired\nTRIALING: trialing\nACTIVE: active\nPAST_DUE: past_due\nUNPAID: unpaid\nCANCELED: canceled\nPAUSED: paused';
COMMENT ON COLUMN "subscriptions"."unit_amount" IS 'minor units';
COMMENT ON COLUMN "subscriptions"."interval" IS 'DAY: day\nWEEK: week\nMONTH: month\nYEAR: year';
COMMENT ON COLUMN "subscriptions"."mrr_amount" IS 'minor units per month, after discount';
COMMENT ON COLUMN "subscriptions"."discount_amount" IS 'minor units';
        CREATE TABLE IF NOT EXISTS "payments" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "stripe_ref" VARCHAR(255) NOT NULL,
    "stripe_payment_intent_id" VARCHAR(255),
    "status" VARCHAR(24) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "amount_refunded" BIGINT NOT NULL,
    "paid_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "order_id" BIGINT REFERENCES "orders" ("id") ON DELETE SET NULL,
    "subscription_id" BIGINT REFERENCES "subscriptions" ("id") ON DELETE SET NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_payments_team_id_ce55eb" UNIQUE ("team_id", "stripe_ref")
);
CREATE INDEX IF NOT EXISTS "idx_payments_team_id_e49961" ON "payments" ("team_id", "stripe_payment_intent_id");
COMMENT ON COLUMN "payments"."status" IS 'SUCCEEDED: succeeded\nFAILED: failed\nREFUNDED: refunded\nPARTIALLY_REFUNDED: partially_refunded';
COMMENT ON COLUMN "payments"."amount" IS 'minor units';
COMMENT ON COLUMN "payments"."amount_refunded" IS 'minor units';
COMMENT ON TABLE "payments" IS 'One money movement from Stripe: a paid checkout or invoice (`stripe_ref` = its id).';
        CREATE TABLE IF NOT EXISTS "refunds" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "stripe_refund_id" VARCHAR(255) NOT NULL,
    "amount" BIGINT NOT NULL,
    "status" VARCHAR(24) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "payment_id" BIGINT NOT NULL REFERENCES "payments" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_refunds_team_id_aca25b" UNIQUE ("team_id", "stripe_refund_id")
);
COMMENT ON COLUMN "refunds"."amount" IS 'minor units';
        CREATE TABLE IF NOT EXISTS "hub_sections" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "title" VARCHAR(200) NOT NULL,
    "position" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_hub_section_hub_id_176352" ON "hub_sections" ("hub_id", "position");
COMMENT ON TABLE "hub_sections" IS 'Groups a hub''s courses (e.g. \"Start here\", \"Masterclasses\"); may carry an access rule.';
        CREATE TABLE IF NOT EXISTS "media" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "filename" VARCHAR(255) NOT NULL,
    "content_type" VARCHAR(127) NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "storage_key" VARCHAR(255),
    "external_url" VARCHAR(2000),
    "created_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_media_hub_id_988e4f" ON "media" ("hub_id", "id");
COMMENT ON COLUMN "media"."kind" IS 'IMAGE: image\nVIDEO: video\nAUDIO: audio\nFILE: file';
COMMENT ON TABLE "media" IS 'Metadata of an uploaded file (under the storage) or of an external URL.';
        CREATE TABLE IF NOT EXISTS "content_nodes" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "position" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "media_id" BIGINT REFERENCES "media" ("id") ON DELETE SET NULL,
    "section_id" BIGINT REFERENCES "hub_sections" ("id") ON DELETE SET NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_content_nod_hub_id_d997d1" ON "content_nodes" ("hub_id", "position");
COMMENT ON COLUMN "content_nodes"."kind" IS 'COURSE: course\nMODULE: module\nLESSON: lesson';
COMMENT ON COLUMN "content_nodes"."status" IS 'DRAFT: draft\nPUBLISHED: published';
COMMENT ON TABLE "content_nodes" IS 'One node of a hub''s tree. Position orders siblings; drafts are invisible to members.';
        CREATE TABLE IF NOT EXISTS "lesson_progress" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "started_at" TIMESTAMPTZ NOT NULL,
    "completed_at" TIMESTAMPTZ,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "node_id" BIGINT NOT NULL REFERENCES "content_nodes" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_lesson_prog_node_id_498ad3" UNIQUE ("node_id", "team_contact_id")
);
CREATE INDEX IF NOT EXISTS "idx_lesson_prog_hub_id_44ba3b" ON "lesson_progress" ("hub_id", "team_contact_id");
        CREATE TABLE IF NOT EXISTS "pages" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_pages_hub_id_16ad24" UNIQUE ("hub_id", "slug")
);
COMMENT ON COLUMN "pages"."kind" IS 'HOMEPAGE: homepage\nSALES: sales\nCUSTOM: custom';
COMMENT ON COLUMN "pages"."status" IS 'DRAFT: draft\nPUBLISHED: published';
        CREATE TABLE IF NOT EXISTS "page_sections" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "position" INT NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "media_id" BIGINT REFERENCES "media" ("id") ON DELETE SET NULL,
    "node_id" BIGINT REFERENCES "content_nodes" ("id") ON DELETE SET NULL,
    "page_id" BIGINT NOT NULL REFERENCES "pages" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_page_sectio_page_id_63d475" ON "page_sections" ("page_id", "position");
COMMENT ON TABLE "page_sections" IS 'An ordered block of a page; it may show a content node (and then obeys that node''s access).';
        CREATE TABLE IF NOT EXISTS "access_rules" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "target_type" VARCHAR(16) NOT NULL,
    "target_id" BIGINT NOT NULL,
    "mode" VARCHAR(16) NOT NULL,
    "audience" VARCHAR(16) NOT NULL,
    "roles" JSONB NOT NULL,
    "segment_ids" JSONB NOT NULL,
    "product_ids" JSONB NOT NULL,
    "contact_ids" JSONB NOT NULL,
    "available_from" TIMESTAMPTZ,
    "available_until" TIMESTAMPTZ,
    "drip_days" INT,
    "drip_anchor" VARCHAR(24),
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_access_rule_target__7a846c" UNIQUE ("target_type", "target_id")
);
CREATE INDEX IF NOT EXISTS "idx_access_rule_hub_id_184634" ON "access_rules" ("hub_id");
COMMENT ON COLUMN "access_rules"."target_type" IS 'HUB_SECTION: hub_section\nNODE: node\nPAGE: page';
COMMENT ON COLUMN "access_rules"."mode" IS 'NARROW: narrow\nREPLACE: replace';
COMMENT ON COLUMN "access_rules"."audience" IS 'EVERYONE: everyone\nROLES: roles\nSEGMENTS_ANY: segments_any\nSEGMENTS_ALL: segments_all\nPRODUCTS: products\nCONTACTS: contacts';
COMMENT ON COLUMN "access_rules"."drip_anchor" IS 'HUB_JOIN: hub_join\nENTITLEMENT_START: entitlement_start';
COMMENT ON TABLE "access_rules" IS 'At most one rule per target; inheritance down the tree combines them.';
        CREATE TABLE IF NOT EXISTS "member_sessions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "member_sessions" IS 'A member''s bearer token (hashed), scoped to one hub and one contact.';
        CREATE TABLE IF NOT EXISTS "member_sign_in_codes" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "code_hash" VARCHAR(64) NOT NULL,
    "attempts" INT NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_member_sign_hub_id_a7807f" ON "member_sign_in_codes" ("hub_id", "team_contact_id", "created_at");
COMMENT ON TABLE "member_sign_in_codes" IS 'A one-time code for one contact and hub; only its hash is stored.';
        ALTER TABLE "products" ADD "grace_days" INT NOT NULL DEFAULT 7;
        ALTER TABLE "products" ADD "past_due_policy" VARCHAR(16) NOT NULL DEFAULT 'grace';
        COMMENT ON COLUMN products."past_due_policy" IS 'KEEP: keep\nGRACE: grace\nREVOKE: revoke';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "products" DROP COLUMN "grace_days";
        ALTER TABLE "products" DROP COLUMN "past_due_policy";
        DROP TABLE IF EXISTS "coupons";
        DROP TABLE IF EXISTS "processed_stripe_events";
        DROP TABLE IF EXISTS "member_sessions";
        DROP TABLE IF EXISTS "product_addons";
        DROP TABLE IF EXISTS "pages";
        DROP TABLE IF EXISTS "hub_sections";
        DROP TABLE IF EXISTS "delivered_hub_memberships";
        DROP TABLE IF EXISTS "page_sections";
        DROP TABLE IF EXISTS "member_sign_in_codes";
        DROP TABLE IF EXISTS "lesson_progress";
        DROP TABLE IF EXISTS "checkout_sessions";
        DROP TABLE IF EXISTS "deliverables";
        DROP TABLE IF EXISTS "stripe_settings";
        DROP TABLE IF EXISTS "stripe_reconciliation_runs";
        DROP TABLE IF EXISTS "refunds";
        DROP TABLE IF EXISTS "content_nodes";
        DROP TABLE IF EXISTS "payments";
        DROP TABLE IF EXISTS "stripe_customers";
        DROP TABLE IF EXISTS "access_rules";
        DROP TABLE IF EXISTS "contact_billing";
        DROP TABLE IF EXISTS "prices";
        DROP TABLE IF EXISTS "subscriptions";
        DROP TABLE IF EXISTS "media";"""


MODELS_STATE = (
    "eJztXW1z2ki2/itdfJlMFeOaOHHGl+zdKoJJwsQGF+B5ucOUVkhto7WQWL04YXfnv9/ulo"
    "TeZUlI0LTPh92JQaeB57Ra5zzn7T+dtali3T7rb7QveNvpof90DHmNyT8S73RRR95swtfp"
    "C4681Nml8kaTHvGWvSgvbceSFYe8fi/rNiYvqdhWLG3jaKZBr+4jB8vrH2zF3GAVKRZWse"
    "Fosn6GJoa+Rc4Ko9nn/g/nF++Qec/+JGsjzUa2Y5KL37OXNha+176xV1fmV+OMfrRqKuSz"
    "NeOh1U9xDe1fLpYc8wGTSyzyWX/8SV7WDBV/w3bw5+ZRutewrsYg1VS6AHtdcrYb9toH7W"
    "FkOB/ZtfQ3LCXF1N21EV6/2Tor09gJaIZDX33ABrZkB9NPcCyX4my4uu6rJIDe+7LhJd63"
    "jMio+F52daotKu19gfC1jiSNJ3NpNpxLUielyUAiArv/kmIadBeQr2ozAB7oV/jhf87P37"
    "z56fzHN+8uL97+9NPF5Y+X5Fr2fdNv/fSX92VCtLylGGajT6PxnH4hk2w1bw/SF/5iMrIj"
    "e1JMGSH67L8p/Acr2cpGP7g+gT/5YUn8A7SLFBC8EGogvD0OoYK1/E3SsfHgrMif5z/+WA"
    "DvL/3p4HN/+opc9X0c5LH/1rn3HsU7xNe7WaogHEo0g/FxN3kM4TfnJQB+c56LL30rDi85"
    "nqSVbK+qAByVEQ7id29LQPzubS7E9K04xOxhYacB/nk2GWcDHEok4FU1xUH/Rbpmp07rpk"
    "6Lzt/uXUOhGKKlq+mOZthn9PP+3mkJ/gK4KUJ05bVt/0uPwvzqpv9bUgOD68kHBplpOw8W"
    "W4Ut8CGhDvLQppBJspNWyRV5x9HWOFstccmkanzRs+Afp3ickx+oUkPGvwMLVDMf3Qxn8/"
    "7NbUw/V/35kL5zzl7dJl599S6hs90i6NfR/DOif6L/m4yHSTXurpv/X4d+J9l1TMkwv0qy"
    "GjksglcD1GJa12XbkVy7lt6Tsg1o3v/KvCj+RBQdYFKoaQs/mY+19ByXBC3zrOXgLF5upa"
    "r+T0r0eVeIf90e0hkKtUCd4cr4R4RqIc/dU/Ng0FMK4P4x0w2loKbV8NG0sPZgfMFbpooR"
    "+d6yoWT5nz4vM/eXOTEV/BXsseDV8Aa15K87ziS69chvJ78YO56v058N+lfDTs4R0wCwdz"
    "Yu4xlxdqqUxTV1pMbQJd8Cje+urztsAy9l5fGrbKlSbCfTd8xzM/HK7tr0W+vzdfIV2ZAf"
    "GEb0x9CvHt3UGSRksNnzKUi6X8rxj/mQArPH8YnaBWbvaMyerbsPVfANrheOcrosA+5lPr"
    "aXKWipfyL92zQq7d+Y0OE2ceduPmiLW2qb2gMuKR96sbiklOmdb8qE2yMawUw8xX3Jj1+m"
    "WJcZtrmmYxgrPbEtkGc9xm6hNV4vsbUnRNSSu2ELiQqT4tqOuZY2lrnBlqNlxROqADZgy9"
    "16q22v8L1maIGEiPDhJ0wv3wuzIV1DVIDIuw7xbxq4DwfeSqICtXKXe4L02V0KDI7kH+gr"
    "bbM/Tje7tURFbIMNlSwi4SdZdxkge6J26y043K0nKnLKCiuPputINrbt/XEb+MvNvNWERc"
    "07naWlput0sf0w8xb7EK4lJmTuZv/txRYRFSLyE7Un8qvIT9gTp6twJcHBIs5/o4/Lq2DZ"
    "F/HcpGm3jo7XDZj14UqigmVa6t4u9oSuITRAkubgdRMojcg6oiK1kbcN3HO33irCgmRpyr"
    "4Pwlu6hrgAmQQgmlFHV9tgqQl+5jZYdMbWFJquIQCq7t50za23iuAgUWZ/f7faW6uvqhNh"
    "rXj/XrQwuUzRdI1BIlnuvthNYwtOXWEBtPC9a6h7o0UXERUif4954Yy9jVLvpB/4iwmLmb"
    "vcLb4vYJGlhIULPzRgos68VQQHqTn6wcdLfOYhQE5ZycbDvlZ+CrUBW1VU7Cj7TLEzyK/f"
    "m1BlS43JX6KiRelBGysNHPuf3eXMW0hUrHTi+ZHfTUx+muizJ1zXbLHbyFoiQrbGqibvB9"
    "RNsISI+GzkvY/3W1ncs5zC09DxRGES/HySFcpNEWd67whZn600dcUNkHk2aUNxfc+0Ejyq"
    "HyCmPRiSZpCL9zavfNjIgiNjIJiNVanWKEVd2NhxyMcW4Dsx8Nwk/1eWv5hFVhSjPuyvGh"
    "Vafv5uTp1WmN1bXK0lRfKJmy3a+mNXY+nSWr4/oYjrFIq4LFPPKYIZGu46VbwZ7wfgy/Jc"
    "0NWZ/DoeTnvI/Eq+zcLoX92Mxj0kq2vNWBizef/jxx4iP+/+vlNOabGCmdfvShTMvE5WYo"
    "QFM/QtKJh5mQUz0CaAiw4N9FlVGfqIEEAPHRq47dDg+k0VDtOb4VQhjdzN2ZAepysDQz3D"
    "2g+0kW/n0x8EXRleqEGP17KmZ1v02fDvBITrG/DmvEzjAHJVQT/QVOsA/rtedDoHQbedbr"
    "aybX81ydFZtedqSrAW3pzRRwnALy7KAH5xkQ84fQ8czpfpcNbq0LBT8mE7NXB2H1Zp1LB/"
    "ppD4zRqaiVxRQ1jAuFXbPkUAWY5rEUG02MOIxR/LzJ/QzQfNQL4UHf8gI7qON/NhiWULW8"
    "gxH7ERzoNAso00xw5mRmTNm2hoVfB3TtTfYbqtbC7GpYTzfKCTF9iJTQQm8LeNRlarofW4"
    "pIBaPxEtB5hA83/QdA+a/78MLUNQk5egJkTgTjgCF3Tqy/CUI0388r3kaM/A5x3kiYHRBl"
    "u2aXTRI7mzDbTcIhac6SJZsUzbRvgJW1s2YTHtCVcXB5eX4zOlCyG+o4X4wNfNR18sX7dW"
    "TISl4NAmENa+rQwEbQfb6jM5rzFz1kO6oIlzwVM71kl6S3Hz5Uo+yK+wostkXyIZUX2ryF"
    "sRBSvS14ni0VreIhs7yDQYGx1YC+jVPzyBs7894u3f//F9+lnfyicUpvST6yCj/zSsg0ec"
    "MY+pcFhtc5bBsZ9OLZPg5HfjSobXTkBAeFvJ/2EAZQL8fDlKIMsz1p3ZfDoaf6I1JxTqhT"
    "G+u/lA61PIr1vSApUPk8n1sD/uoaVp6lg2Fga1jXqI2owLY0gu7yFMLk4+E45TrmLm9dzJ"
    "n90cEYHhzTHTuInhzdGvmVLKHH/LeQInxATIVSxyTIa/zYuB3/kl15Pxp+DypDbAZ3yZPi"
    "MUbvFItEP1UCPVQ8ch2r1WtBke/K5Hbb67HnbGfd4zn5lr4tsSIImD7DvDSNVU9Ir1annS"
    "8Ncu2riWspKptN8ySTHXG4qTunDPfzx/9/0ZmtPtiogDjoi7baTd8/Y+ptBHV3SN9g5jgF"
    "AlJ/1170pJCQmnwGI2FcW1LO8ZRITCJTMvAL+fS78/33XKeQydgLtU0zV9Xco1fV3gmr5O"
    "u6bRe6CiiZcQFdDGOxGbrmSOjIK1p5pJMjFRARUtsDFfNDsyn8+IS/FBadCPFYbSSJo1FR"
    "5xGaIClgW2wsOCY3usjiRRI72eCuLCoArgGLjiGPI2e0PQipdQkYlw/Cbnic2JKiGnW2Gp"
    "9MnozyxdZOhf/52NBtMb5GXpIGITaSpGpoFzkicryBVSMF6iXYxCCTZ3ko35TyeEk/zmB5"
    "uK0bIZKyir9HH24fO3TLDhyfHFPvAbQYT+7SkbaBnuaJljJ2se+8HdfrrmvWbZjlS1L0tc"
    "CtyCUm4BK/aqinRMCIAu1weHgFQJ5J2AeAC/OS91ZhQcGakEb9M1HKtSmlxERDyEywCcj2"
    "8KXl27x8qWXCcRe/2hdj5XxjIHTEzxh4r5XVgqpXjdfZgNpiOW1hWusjCuh/2rHtKxrNJE"
    "rk/9T8Mrmsv1QK3ohTGYjH8ZTuf0NaKrJ2zRUKBxPfm9f02EzK2sL4z+XJqOZl96SHYkS7"
    "MfidTnu+mYyaxcy8Bq0rI9TloYM2dTWu9blrzNoS18gYR+X0oqGE0x+uPP5CHFUrSrUNGh"
    "BNDQzdPQkOD1AmNC7katqfW4JGidF61nhIAzx/DVYd+BeG8yBgLhJ4h5nBIjXzbm0Vy4Q/"
    "xQx35RjggL+7T/xONdMqogWMc2JZ2l2lgH08/uUvw5x8oKK4+m6zQ0h2/gLydgR9N4gZKu"
    "PWGaC9nojrsKln0RW4+cQ5qj4wamuA/DlUQFy7RUfxxGfZgmdA1RAdrI2wZ20q23iqgg2d"
    "5wS49i23s/zdhqA38xYTHzyO+8GuFKgEWWEhYu/EDvoOYeijNvQfGfhwFyyko29p5JnkJt"
    "wFYVFTu//GxjmZRA2xO7a7bYbWQtESGD+dswf5ub/lkROw4bKvk8CT/JuruDLxvi8iO4b7"
    "1Vh7FFTyvZodQWXWq6ThdpADKflvsQrigIXhUTgYkv3slIAKYvd4sSf1fE2GNXtDSf3Nbd"
    "B+hmxk/4oYvy02f5H7d32omG7F6ogG9wvYD4XpaB9zIf3csUuNCNCboxcbfnTzNtA7oxcf"
    "fYhqyBtrMGykS2IWhbI/xIf0IzEUcGxvNgnYqHl+iHobrK3nEhbxVBMaL5KZR5NvZntAbe"
    "UmPByKw4T680EAsiB9XMW0hUnICTr8Ewq5q8L6XsLyEiPrT14N4RfnGjYLKikJtDsty97Y"
    "I+W2nqljILThIrCH9B+Iub8Ff1kETEyckOTsS9oMIwRTJXo+mIxcoLlcS65EDgghsGpFsQ"
    "uLBMvXblcyB7QObX28gV+d/OzdCbXuFJL4ybydVw2p9P6EvkhiHf0iSvfp7M5j20Mr3q0+"
    "OXJ5vG0iQnCY2VEwU4tdWUtc4BVWaYDv1cWiheVW/svXnfKzePrLMwRmPpdjr5NB3OZj2k"
    "hT4ILVC/ub0e+gXqfq9qPvTpYGttS9SE29Qj/TMXgBHH/FRoprl+smm1e01hZhLZpPgeW5"
    "jco5VatxatARX0xUG5GhX0S9nwO1QkbBJv0lG2jkKhhEbofKS2VLF75bCo09lPMdQ/jJKx"
    "TjYt6tVrpgJykebErJEk1jWOwpggHIE8H4FEVZKFZbtackFcSoReRodOLvinqdW7t2KCkF"
    "rAy81WJrWA+vpV/elQBhILoBPEiUIPjcghvYYzFbTSlMNnWvdE1E9tFxTQ8IEGjd15beye"
    "SnXKHGcDrRUOFXBKl09lBJ0ya6zyA0/pQq8Wgk+JKFNYPRNMFoSYE3cxJ2/QkbdSSg35PG"
    "hCjA/qU6ix3J6y/Pr0jFskXzdpSVBP4+pRZNeuVGW2EzhguA8H7cfar4RqoeM6BUyy8H1l"
    "lAMhEZjKA9TzWZj8UrteGDQpezoUpTfNA/k/gEa00RY7yDeQsIpe3ZsW0uUHBuXLChNAC+"
    "P8+/E0CesMtadSDoE3Bd70JbpHwJoerygxzaOU5QOD3iqHYQOPeiu0ywXuxVUlW9BmMFUZ"
    "XWrzearMDrmtNXXxGjT6HyUFLBUkSvNwKncLSKu04lLKKGhHkiUsYG+S84uLMr7ixUW+r0"
    "jfixsqa79wpCzYwfUC4tt8UrJrZUz9zE/L8i8XgeU4dD4Wzb13MwjvolMjkDggf2dusHEY"
    "+q75zQz9dPKhP00OoUzS28bSFFzZg41KAYsAiW8nCj13BM6LUQVQOIdMfINErTbJmdTjtA"
    "GIb4N1BAU3akDsT0E2SI/F2zpnsWOpxs8F5Ji/eyJ9p5+lxjq32PrBF0S+ILlUcewusjCt"
    "ynVpsNM0EH7C1nZ3iZc98h75cxIQa3OCqOGKnBVenyWDom1+TpVUM39dyffXyHXhe2vLgj"
    "w0Tik9qpsU/FdY0daynkMteRJJ/9ATOfNF2zrzfqymDHJC/NO0EPkIrzfeXozI1XAwuulf"
    "v3r9tnueqOoMPPW3qSQP3XmqiK8vAfiWwldxLVoJvq3CKUVlRGDxEhlhZRLC8vPBkgAnDv"
    "YKMKclD9pxwwi6gJwched38yR2VQbefcuSt3l0TkwugfYppJ3uGpkyawUtTfdhVbITzTNU"
    "9h9/pkD2TNeqEEekThJgXTZ8dP2Zb0tiHjpmSyCTT5OIMLae5IwYS/7ZkRIU75y+LHFsXO"
    "ZPMEgdGlHECJKukcER5DPB2dK16DDeUPfs7PPXb396e/nm3dudeb17pciqTlOODKp/uTId"
    "x5phdhRDHJUDcNPgGvjbzs+uEcLKEIfGKPykvqbjVl+JriRijOOvGSRAUbOhuCA0HKrQcE"
    "izJfI1sp7HhYhHxQDvanhvZNuRVDeDUn4O8qgkoF4BdZlYy0+YmjKbyqlqWbLiGaCtJKqp"
    "ms2sR2mDLQVn2aCF5FeW+N5MGGdaKEGBXVRgwHaQyetso78c4KH0C8S7EuUYnZUedGOtYa"
    "sWLAM2K882q0Jjvnq9FLu4KOiZZz1DNWa+IXGamZQZaodqzGPHpnlP5nshSQKQygfVmFzf"
    "CjxXYzKioJOZZsbe6Ranl9FrWq24pGOMoMiSn8O2i/IzspSKpX6KuKV+796WIKjevc3lp+"
    "hbcRPjkfyubHCfnyETyPIMdOd2OB0Mx/Me8gm0hfFx9BsdBHOvfcO1hsA0Haf2vpdk3mc0"
    "mCqkqhKSL5CmqkILenxeNsxFh3lcjuMYdWetGdVyD4/j1UCGYssZiqpr7Tqx1jnXo/KHLD"
    "IOv0vpLT8ZD4Y9RCUXxnR4O+zPR+NPPWThDSY/wXggp/1kOvyFznm7J+7Zkz8m7ugZjQHE"
    "dKTmmpjmq4ysu9wTKVuY45PpaNkzfouNWjHPLFnxjp5WYp5euDjjMVsU2w+FDhjWD7ypk4"
    "3qQ3eD/I1+mpx8me4GwMkDFcyDCo5CBTdHU/rjIXxwU1xl9O1uEWGphheWYy07v65kBy3d"
    "La08lZFf5IEeLJkAe4YoI01rUA3yUUhTbbTEukmudExai4oU/23VXBPM36OvmFjA+hbZDt"
    "l2OVWxh/jA58tjgWHlkmEVngT8fPdB8uZ9zz6PbnuITgNa7+bB0PnQ4/lwPJf6gwEbHu1v"
    "eDZWmc6PnveJU+nID3Wcx/MynO15Pmd7nuJs6bfPH9GefcNEZcTzYlroGubvAHoiZhfF5c"
    "+9yJKFyRcx07qJyRf+/Vj2DvAvF3Dzl5rF8LpgFsPr9CwG8Cvz0RfXrzzCqFjebq2jhETC"
    "QvVq2MflwKvfL9MOCBUgVEQhVDJOlwZQvQ1XEhTY+InK1+xdzh6VZSF9bvTuUbm/5GjYfB"
    "owY4jss4wgMYPjVENJerBPGQoUiiHfqEbLLWXvXEtZyVTOpvyc7JDXLPxkPmLyn7X5hG2P"
    "nvtK31LM9ZrmCSFiBWI1TQy2+1G5SZjRDN7I+RRHCzI0+Xlkdwv4w7jWankQKXGwqMCbOF"
    "UFgDcBJVMvUxXg2B3SsYP+54frfw4udIsudNTm3x/ilJ8mKNCZdjNPPvaQtvbTMe2n3slw"
    "rKNvd4u8aRxeWCW/RkZBH/iVqbOkFjaVHZn3Ec/2PfKC/NGG75qTk0Cz74qV3GFwfrkxa7"
    "oFzm9RH+jn02eO0gs6TLWukkTTH8xHvwx7yJNeGJ+mfVp88UCwYtUXv0y+0Lo6jx6qVVnX"
    "fBoHayNk12lGFBUUMIh9IkHrAJPCqDU21DoqjohB3yGe9Wub5MlaKdstlDjgqRo8/yueqz"
    "WzfpovBYeUn3zoxU35gaZeomk940xNNfWCEAEPPDWECCBE8OJUASECCBGcAsIQIjhuiOA4"
    "lPXEUhkvmyKrvTe6RTS1SS9poW1dggfOYIx1WfEM8T+jY0YjLwN3DNxxQyyHrAW7okIPtv"
    "EV68uzwYbKuvLc9kdX5E+yFmWOP96Nrzzq+N4ln63S96fzUf/6+ncpfHcjW44m6/pWCq/7"
    "2B9ds2ZusqbTvwf98WDIXgk6i9fhoZsv2TxKz6t6CnbtqvqtyWA13PXKMR1Zz535UGjTJy"
    "QPZ9BXni57Gh3ewgdPSg/FlFJMUEBG6XQZpDRxCHRx/l13msQhdB7i0HgE3ooTVQBvBbzV"
    "KSBcudN/zqbWHLzOcE0/+GIfv0yxntcmNsqZjMg6AmEeN3Tl7S4psT5Mt94qJUDiM8kkjV"
    "HrDB3bVHksXbDjnmHqpN0Ob5WuA+qNS+qtxsDyvWeV1zrjXrerhsZ6LddhXoBzacw78I+0"
    "imdKVAr8gVOsuOXMJIBsmhcAPbjCh3SFzSDyvCemuwi2oKBGn2V8pmtwdlY3kK1BvgIa31"
    "1fHytdI3CdM1zBiFed7whGHfjnqwonBkZr08BbRFvfUEF0b5lrNGOjQnq0BlDWVKSssPJo"
    "ug4idqNmPJmagtGrf9jePBEL3/8D/S8i1iTS1O/TdYYtfUbhNMRQLFV0mLrIR0zSvB63ZE"
    "9AcgmfHm5EqyktPDv2xpfiuat3zbSDVibe5N4c1ZHPXEO8rsUtqeHU8qmq492Z3Q0GwyFL"
    "ibJdRcE4MxOqflZVSZYDMqZOPWMKGLujkhb+YNHobVdVDzFhUMi+LB4xrOskrYViUEcOGW"
    "uQscZXxtqRAiOc3cfHOVFtd7n7tpVVkCEMmoAIyWlCD3mbEKziTAWQt8kVwlXrjQ8dFuTs"
    "Mbp3VDAMXeVZLA2AO0ssJybGGZZa5ShhqAKP09gzp3bKFhHozGg1p/bW0hTcyQqisje6hS"
    "FUesmhqt6jgUj6uRB/PLadmx9/ZACm8C8XiglkuQ7ETMZDiRIUPWQaZO9qa9YGdXA3nbJi"
    "dwvTeATVUzmltT3RFgIqEFCpvddPhMKnQXPrSdbrnjtReY5j7p2r/u89pMrbhfHrcPilh7"
    "5i/Lgwbibj+eceTR9yVgvj92F/2kNbLFt1DqDLErfGZe6tcZm8NQJgCdaZt0j+MzklCKUX"
    "KYbJ0ghAZDtkGM35zFJMiNvg4dFANTTlkf27wvMyKnPA5+VhHpbnpeaMnxfMGT9PzxlPGv"
    "MVwM4Q5fjI5ilNKuz/n7BTTFPHspFjqOyEEigviVRbWzvwmg4b2f4wmVzHopsfRgnLY3x3"
    "82FIDHCGOrlIc3IMEog55290cWPO0F6Zh5gbhDshxsYpm9uFee5Hr12q1A0lqLeRbGzb5L"
    "vuGZ4Y+MvNvNUEUkDc0FRV8tvNjAKUSv1RPB32VWItiIpUNIS2594SM+bYcvzLpBP7sOpV"
    "2Q2f8moKs67rFkfHfAnJd1fxU4Uphni5Ms1H5MkgWacW8xaRT9M1rL5HmmFjiyiW/AM5K4"
    "xs8m0JWLJhU2fNNJBs09c1C+H7e6w4dsZYw1Y+oky1IfvEXfwOGubwYMd1C8J5SbWlVPEs"
    "UxMV5TmwxxNVkx9EzfFhTiBwWhPf16X4x9cF/OPrNP8Yns81Cj8SssDRnBJHAxQBUAQ8qK"
    "AxiuBIHTh8CiHbWg7YhUIDmV4EfRhfqFlZOcR68PDq4QzINgKs0W+WgnmOv+Vs8oSYAMHs"
    "ItNl+Ns8ZrUEiL666f/2fcxyuZ6MPwWXRzQwuJ58gCBrJdAbDLJuZNuRVHL8b0xdy8twfD"
    "75K2OZA+77B/K7M2ZHhy/HuaEvw+FtDz1ivFkYn6b9wbCH2KU0BfWXyZchzT99Mh9xkvE5"
    "TvIp+2pVM5TiQoezt39KKuGnvR+yjWUlQT5BPtTi+qord1nZVQ1loGoa0ghOAnrgCA6ZRk"
    "AOiAYQ/eytclqnSVk8wzN0j3pGIkdseosisWdk9ypcSaBNnHBX2U8kdgrFfo3XS2zZK23T"
    "DHJYJdv1ZreoqCBiOqZCxw2MphmGK4kKVmIWTH2sqkw7OpHzMBEqCwp990nl8euJRdxJLN"
    "tpb4Ag1wlynQ4QsPF2WH7UZrcDnw3dSOG+fz6lqY/YMYKcleygtbxFS4yWpvuwclAQu0Ff"
    "NWdF+5x7yyNy4a7b+SvZQOzARkt3vclon97C+pnJTJEcXPaBkMXEjxvZLQg3AX+WryBx+b"
    "P88sLiapzcykJgcp67BaEYihsFAIsJLCYPKoBiqCMDW6YYKvXYbARZsbz+NK6hocBTbt4U"
    "k6+uaLrGvOipm+nvpS/qFjl9djAfKColWW5ZB5DOt4oLow1xt+g9z/5B/qeZ6ntWbGKZX9"
    "FGd21EvDJZfdJs09oi3VQeWd4D0hxkE/XpOHuKViufUljZ4q0KriA/z+JugSvoayulgfzc"
    "w1BCwOzD5pN+yGPBqudrxyUF9LVPxLcOMCl0ru81Q7NXtfScEIXxKTzr2cIbWbNwxomZ+8"
    "CKikCHMfDLwS/nUQUnXoHkt/rOdG2CJuD5/kyk23iz5UdZ43XJJ0HFO1eHQpGDkNJbBVch"
    "S1ZAp6Gd9oTQRvnYc7sK5ujmemwHn53b2Y2/7Rxmszc/5Bai0S8xGh1M+K4aEI3J8XzOcf"
    "mgB8cLHC++VNBOQNQ7JZoI24UrCQps/ETlyamdMf9h4NqOuWb+ZMq5TVzRLRG0U/yLS+dq"
    "ep+BAjmka8YjVpFj0ok3yJ9Y9x7J4RWaigz8RP6xNp+wTa+UDZNlXfpXZ6VstvUxZbzyYE"
    "nwy7l6ZnSf98ujmqvkqWRJg29ezjfHa1nLma6TDfdOQLzZDG/Oy/RrIVflT5A6T/VrAZcw"
    "H31xXULwSI7rDMJ4bnAOOVNBK84hjOduczz3MV3FGXYc8mO9Wy7TVdxd0S3hKtrRi0t4ih"
    "Sj7+zAk5MVNq2P9qfa2ggbirXd0CbiXuXdZnOmkJ12xl41sxzCPVeDZpAcH/jdIs8OEyPW"
    "kYiepZ2a0/rI71qYJy+Ed1dk7rbRwPCrNxpA8kGtpZCiNUApNZRCt/ZKy6J3813wqIwAjT"
    "zbTlt2N2pNDzwuCR44Lx54RnprqikFHx74C7EBUk5fFcv5OQdxYuC5Sf6vZffwqKpqJ2Vz"
    "Pzck2oolywlJtGopcEGS/WFaTsyMfl5WGOiPlNvsZzv9CW4En25Etl4rmEz5KwhhtR4gUA"
    "RBumNin5+++Xwb9GOkctZIpR2NB5Ob2+vhfNhDmqGY6w19uC2M8HVp+NvtaDq8ir4v4W8b"
    "WpG0MObTUf96NP5ED0hN1onKFkZ/MB/9Qtbz2vAvjNv+bC5d3ZFXgt7wC+NufNsfkTVdYy"
    "NrZJ1BfzwYXtNPUSicOl37tn83o69sZNf2s1OPnmv6L1emzRwzuuPnPpWiIocLa7xu99nU"
    "XCt217KwkTduICdGG5E5oCvu2gdKkX5TJiCeHw5PueKG5kh1ygESgtzWHp5KQQD5dGw9yT"
    "mZH88/U6LyB9z3a2Kyryru/M5V//ceUuXtwvh1OPzSQ18xflwYN5Px/HMPsRUXxu/D/rSH"
    "tli26hzulyXuksvcu+QyeZcE4EpK9o2S73WkBOGUT+78tWXVOoHicidxALHOKGyDd5F8T7"
    "YGUjV7tzV4PZq8R6ojec05JNY6oipxm7cGNCTgh7FNJ00ltIaNDBezkt79FUDrXGudeVmS"
    "XKz3wilreUsccOba7pWTHbrGvOZ6x21CFO43nu83T1k1DteYIOiYZx1z1KkLtNzyk7NebU"
    "FcFPTMs57JkVtLyVE50DDPGt5NqrU1I6tDb7Ge09KgbZ61rZjupnIEOyYkXu1dK3HTgO6i"
    "bqGSWUN/hRVtLevZkGeJJ+8sT/7MX+f0tFAA+tVwMLrpX7+66J4nnMdAHW/T0+kDyOpQrB"
    "nCHI+6PZVQDxSg5ivkNNNfyxSgQtKzaFovk/R8pLlInD3TXtxYJMC/x0vC/8uFHkruuam+"
    "gJJ7KLnnEOEyJffHHgXG2aO0dOO7/Elg5Cug8d319XFHgZ0srjmTwEJU80vdUj0c950lXr"
    "p/44mg3epc7Bl+YGhlla75b3ULq9a8i1otWGPfC7oUcmNJdVF+ERr7bwr/fMI+uJ7nopu6"
    "ZP2PZRrlkavyyfof09Rx5JulYM7vSJEQE6AfwsFbUGhZuUDl6gACWZ43eefq93H/ZjToIX"
    "VLfrOmLIzZvD+nL9DSOPr3YPJ5Mp33kGKuTKtsdnTLbSssV884b36eTcbZN0JwfZKx1RQH"
    "/Rfpmn26hkMWphSI4lshueu7cbqVLpC8FSiGkkPOmionUExIhMjsoQ8gR37IsIzzd3pw/V"
    "47vd6Z/7d711DY+Nmlq+mOZthn9PP+foRnQSs3wBqvl9iqXHiUFOO2POZoZUcQhc2H+jTj"
    "cRCFfYlaLxOFhUgUhD94UEE7TaVyoPZMAHulbfZkOX1y7ma3nkDIx02ClWw84KbRGrBVRc"
    "LsACRxZLPl08XxHfkscSwl7ojnuy4PvOpV5Aueob6iYNtG1MG0u0gll9pINlQku6qGyYmF"
    "7K2hkPfJkxQ5K81G7DukGzA3uXAmn22HhHosPPpM5zXot8Yn1f1PUzNqWa0xQTBaeTFay7"
    "gqwalV9c6Ly4HpCvlrJwo95K+BA8eZClrJX4vYanuiGkmjEBTY+MMNcgNf5DieHA+7jKMY"
    "OuNV3EUpwgw87zV+1mzHtLY9ROenbhE1wZkvp2P5CXszdWgvMIW2LkWvLEw7p7oOWYhcT3"
    "xCTe0i8ttdWf8+7Tg2vPbzc3xiriRxI8jb6W7dMniOx7Wc8j1HWcnO3ymXTRJKc51P8vNk"
    "NO6xm2FhXA/7tMEwuyGSt0+ZvJGGW0eyOzEb/pzoYiDAM+I109TenJcA9815wTTXTHglC9"
    "9XhjgQEiE/5ADJgNWpJ+CcgHMCb7vU4xs4J16gB84JOCfOVACc05GBBc4JOCeqALIHxuSv"
    "TgbPFH27W8QtKd6FxABTy9JJEwMjejky75GMVu7yO5sgiPEZujVtjaU+m5aKLRvZ2pJO2b"
    "HfI9WS7x0byRZGmvGk0TcwcsxdvkGKV2rrQ8oQTOTTfFOWfRBQSZxSScKXJQ0md9PZkBYd"
    "uZaN6USSq7vrIR1Joro6ptTSbDYZU27Jtj1W7PhFSY7mZFUl5ZMfOwGeVVGXXyrFfLwpYD"
    "7epJmPpalmTKDKrz4KrofCx8p1R6c3Vq/DHoIV8e9cTfsf5z3vAbowbu8+XI9mn9k4O5c8"
    "XO0VrjXRrvnDZfdITmkkv3lWRASKjqDoCFhVKDoST+tlio6IW1OZRgxlgD2sTeSusarJla"
    "GPSkHPx7rY21jJHQZeHECKygH+ED86CeghaHHIoIVPFO6J6GdvFUEBDS2IMkGgnOSwOpjO"
    "wsVO66AuHwaKPqJKdHRkFkUD4N4E64iJa9Tw2qejo2VS433P6t1rRu3eRtYS5JyI8zryA5"
    "b8/bx3C8wHLNyt32qFc+SszIgkxk/S/EAiPeejGnw+jvjJMl1aVexH97wgh41e4bOHM7To"
    "zOicQbTCFl6Q9RadG9l2sKXosk2uWnS+f4/W8hYpsmVtkWwgOSxYTkcT2/0oiCmelpHcLY"
    "gpQviq7cRd4PCBwz/Ydj5NNrcMhw9sLjBaLwF6YLSA0eIL0OcYrTLkwC7dsr6jm0jxBEe3"
    "85yjm+BSMpzdNNuS7/B6SXdSlOZpegiE4ev2mY5Z/k0LjbM4eWR1C/xLm1INtYz1uKSAxv"
    "qJGOcZqRZp65y2OaAPhlpeWUIWRrXzrGnww47kh9GHY2XkI0IAPbjAJwo9FAUDG8GZCoCN"
    "4JSNSD4yGwC0GvNwqsBGTAUosX6JJdZemlMGS7TLf8onh3apVs+nQdxgR6Z0Aat0NpC70U"
    "1ZxSq613SMXrlEhRZyVhjRPnvki36PTMu/FH9zsGXIOrqbXqdzHhpct0KCA1EjUE98Uk/C"
    "l0uPbvqfhj2krcl2Xhi/jK6Gkx560lRsLoz+3dWI/EXHF5C/Po5oGTW9E5K3TZm0iObrGu"
    "k3qTo9NirDs1rq5p5cXJTJPbm4yM89oe8lUiX8bhcMqApYJ+UExPv1edGJs9vV5z/lb2v6"
    "XqL6Rvs3lpZbJzPWVVR9E5MTJuXn0LVP3pNdesQZ/QLyN3tCTMB+lG0cLYHRJLmWXgXtpJ"
    "yAcP9YNo2wMI8wlUgIeW/5CoC8N4i3AOl/ytAD0wxMM1+AQt4bVMPxAVabrC9FrJNB+rLX"
    "u0WcL1VbK2mA/uFk6+5DKvsPuFbgWo/BtX6e3AxvGd26Mtd4wxjXWf96OOshW9axvTAGd7"
    "P55KaHFNd2zDUfPCu7hTLVkkOF+NfzrIqaXvllGZ/8Mt8jv0z541A62XbnT2hHyVc7SmCg"
    "8qEXl4GC7omiaT0j0Ru6Jx7XtAbeEXhHvlQAvOMJ847HYNNOBe/W6bSC7lIJRIvJtYr9pf"
    "r+iBisoqVuKo/eKBm60HukOaylk70yv5LX/PQeb+DMKzq+2FlhIr3EW5v8U/be+c72Oz9l"
    "jEFu+bPKJGBufIISWkxx8BTtFnCD0ACp4QZI+WRrNpqHJ1iJUfCtKgtSl3hqfKTxKfB6rU"
    "2cgXk+baJbxA+0Mc8HOvEf+jF45HptQD6wnasiHxECBgXIq9OAHsirQ5JXgce5J6RBZo2g"
    "kEYO0uchhRb9pTAt0aL/6HXvJwptXtl7meEHbRKJfUaHTV2GbYpHjLzbLaIRPVJNoq3by7"
    "KIDlqbtoNMA7OO72hD66Zl6wE775FmrLClsW2DVPOrwQqq6ZhqpJjrpWZgSunhdQZf2NSq"
    "mQmD3kK7akX/z6A0O1W2DUQhn0RhQo11cn4SS/CcaNX5fPeBvDeYj+hI68g4iYUxnlwNe4"
    "wXXxhe0mFgehw/Byi8uarZ+FExsPJrO1jrzEd7uZsjkD0gkWbIlmV+rUindcb96XTyKwGe"
    "SS+M6fD2uj8gt4GFN7qscHIn0N4K2Me5jjqi8gdUCX7C1pY8h6sqZfjLcPr7ZEy0EKxAFD"
    "NhGdCWyTKgZ8NPN8PxfCb1x7/3kI0f1sR6tCXZ2Ebfu76Ovqfr5IibTq7uBnOy0MYyVVdx"
    "aDb1ZDzvs9f8hjk2H0pnPzWt8Z9nk3H2wbcTSKa/aYqD/ot0zW7t8Ov87d412CMFLV1Ndz"
    "TDPqOf9/cj0NsUoGJ6O8lkd+MpbXSB1Lh6bxuRp0ollSTEQDGNK8a/j6sqJiEGimlcMWH3"
    "sUqKSYiBYhpXjPwkawwh6d4yM4jb4kTrtDQ00eYntzqdUh/qyzUcLaN/Sll178RB3zzrWy"
    "W/X1Llbcahm+sxx2QECgY3lgbFACKe1cq06rpgiSU47kXE2KKfJyOfKvqnqRkLgzhUo/n1"
    "kDpWEtmi0znxzQyWjcTsWzZBo47bdP62TP+it/ndi95C5ZjoNURQOfYStQ6VY1UedZB8Iz"
    "L0kHwDlWN8AVq/cqzNTIYbvF5ia4ZtO6coKn5Bt7jPPL1Usr1ry6Y0IE/sOxstsWzRzAPz"
    "ERvo1UqmvRW+7yJbMTdYJS+zBAUCI6KFSvTfPvOVkdHQ0KLPlzpBtgKf2QpU3RLVdrb3mf"
    "O4jUk1E/Y7rjJinuO7Mp7ju3zP8V3Kc8TfNhqxTWv4EHFJAX2I0/UZ0q6ihZ/InVHHVYxL"
    "Ag/Ks5aBBso/R0+TEIAW1tyZLEAI8AI9zK0EboYzFQA3wyk3A9MVm9ixPE9XZCQXUdzIGN"
    "BE7HwiLLymW4YLI5dLmkF+ulq6xoeyUD9QQxlRKXRPRyGGvBTjqch+fU9e1LdIc2xECQuk"
    "2Wx4Ilaz2LAGVqwwdjF5h0TcA6ju4ZMvo/uiMl0WE+K5mocbvkx2HLzeOFUyjaIi0G0pac"
    "kDAfnco5l3jqIUNeXa9RJVbKAeT0K/QD3mn5hAPQL1CNSjUNAD9QjUI2cqAOoRqEcxAeac"
    "euxjS1NWnaw2Qt473cIWQuE1jc752yfL7aVQdnuSGPlk3BO2gmTLslRcRERAIu784qJMzd"
    "PFRX7RE30vwcWRm6oCwv7lAqL7ulQf6dcFfaRfp/tI+5MF0ggX17H7IoevYT8OUdNYtXrK"
    "rj3kw+yv/we7z7GA"
)
