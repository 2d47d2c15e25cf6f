from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "community_blocks" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "blocked_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    "blocker_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_community_b_team_id_aa5981" UNIQUE ("team_id", "hub_id", "blocker_id", "blocked_id")
);
COMMENT ON TABLE "community_blocks" IS '`blocker` no longer hears from `blocked`: no messages, no mentions, their content out of view.';
        CREATE TABLE IF NOT EXISTS "community_settings" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "reactions" JSONB NOT NULL,
    "word_filters" JSONB NOT NULL,
    "post_rate_limit" VARCHAR(100) NOT NULL,
    "first_post_review" BOOL NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_community_s_team_id_c95a1d" UNIQUE ("team_id", "hub_id")
);
COMMENT ON TABLE "community_settings" IS 'One row per hub that changed a default: reactions, word filters, posting limit, review.';
        CREATE TABLE IF NOT EXISTS "community_conversations" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "is_group" BOOL NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_message_at" TIMESTAMPTZ NOT NULL,
    "created_by_id" BIGINT REFERENCES "team_contacts" ("id") ON DELETE SET NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "community_conversations" IS 'A direct conversation: two members (1:1) or a small group, within one hub.';
        CREATE TABLE IF NOT EXISTS "community_conversation_members" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "last_read_at" TIMESTAMPTZ,
    "joined_at" TIMESTAMPTZ NOT NULL,
    "conversation_id" BIGINT NOT NULL REFERENCES "community_conversations" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_community_c_team_id_262677" UNIQUE ("team_id", "conversation_id", "team_contact_id")
);
CREATE INDEX IF NOT EXISTS "idx_community_c_team_id_475e05" ON "community_conversation_members" ("team_id", "team_contact_id", "conversation_id");
        CREATE TABLE IF NOT EXISTS "community_flags" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "target_type" VARCHAR(16) NOT NULL,
    "target_id" BIGINT NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "resolved_at" TIMESTAMPTZ,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "reporter_id" BIGINT REFERENCES "team_contacts" ("id") ON DELETE SET NULL,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_community_f_team_id_e1dff3" ON "community_flags" ("team_id", "hub_id", "status", "id");
CREATE INDEX IF NOT EXISTS "idx_community_f_team_id_02611c" ON "community_flags" ("team_id", "target_type", "target_id");
COMMENT ON COLUMN "community_flags"."target_type" IS 'POST: post\nCOMMENT: comment\nMESSAGE: message';
COMMENT ON COLUMN "community_flags"."status" IS 'OPEN: open\nRESOLVED: resolved\nDISMISSED: dismissed';
COMMENT ON TABLE "community_flags" IS 'A member''s report of a post, comment or message, with a reason.';
        CREATE TABLE IF NOT EXISTS "community_messages" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "body" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "author_id" BIGINT REFERENCES "team_contacts" ("id") ON DELETE SET NULL,
    "conversation_id" BIGINT NOT NULL REFERENCES "community_conversations" ("id") ON DELETE CASCADE,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_community_m_team_id_6cc930" ON "community_messages" ("team_id", "conversation_id", "id");
COMMENT ON COLUMN "community_messages"."status" IS 'VISIBLE: visible\nPENDING: pending\nHIDDEN: hidden\nDELETED: deleted';
        CREATE TABLE IF NOT EXISTS "community_moderation_actions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "actor_staff" VARCHAR(200),
    "action" VARCHAR(40) NOT NULL,
    "target_type" VARCHAR(16) NOT NULL,
    "target_id" BIGINT,
    "detail" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "actor_contact_id" BIGINT REFERENCES "team_contacts" ("id") ON DELETE SET NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_community_m_team_id_7fe900" ON "community_moderation_actions" ("team_id", "hub_id", "id");
COMMENT ON TABLE "community_moderation_actions" IS 'The audit log: every moderation action, by a moderator (member) or staff (user or API key).';
        CREATE TABLE IF NOT EXISTS "community_notifications" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "post_id" BIGINT,
    "comment_id" BIGINT,
    "conversation_id" BIGINT,
    "text" VARCHAR(500) NOT NULL,
    "read_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "actor_id" BIGINT REFERENCES "team_contacts" ("id") ON DELETE SET NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "recipient_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_community_n_team_id_931818" ON "community_notifications" ("team_id", "recipient_id", "id");
COMMENT ON COLUMN "community_notifications"."kind" IS 'REPLY: reply\nMENTION: mention\nMESSAGE: message\nMODERATION: moderation';
        CREATE TABLE IF NOT EXISTS "community_profiles" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "handle" VARCHAR(40) NOT NULL,
    "display_name" VARCHAR(100) NOT NULL,
    "bio" TEXT NOT NULL,
    "avatar_media_id" BIGINT,
    "links" JSONB NOT NULL,
    "visibility" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_community_p_team_id_d24ec2" UNIQUE ("team_id", "hub_id", "team_contact_id"),
    CONSTRAINT "uid_community_p_team_id_f9d8fe" UNIQUE ("team_id", "hub_id", "handle")
);
CREATE INDEX IF NOT EXISTS "idx_community_p_team_id_fe7a8a" ON "community_profiles" ("team_id", "hub_id", "display_name", "id");
COMMENT ON TABLE "community_profiles" IS 'A member''s community profile in one hub; `visibility` says, per field, who sees it.';
        CREATE TABLE IF NOT EXISTS "community_reactions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "target_type" VARCHAR(16) NOT NULL,
    "target_id" BIGINT NOT NULL,
    "emoji" VARCHAR(40) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    "team_contact_id" BIGINT NOT NULL REFERENCES "team_contacts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_community_r_team_id_baa204" UNIQUE ("team_id", "target_type", "target_id", "team_contact_id", "emoji")
);
COMMENT ON COLUMN "community_reactions"."target_type" IS 'POST: post\nCOMMENT: comment\nMESSAGE: message';
COMMENT ON TABLE "community_reactions" IS 'One per member per emoji per post or comment.';
        CREATE TABLE IF NOT EXISTS "community_revisions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "target_type" VARCHAR(16) NOT NULL,
    "target_id" BIGINT NOT NULL,
    "title" VARCHAR(300),
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "edited_by_id" BIGINT REFERENCES "team_contacts" ("id") ON DELETE SET NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_community_r_team_id_328e9e" ON "community_revisions" ("team_id", "target_type", "target_id", "id");
COMMENT ON COLUMN "community_revisions"."target_type" IS 'POST: post\nCOMMENT: comment\nMESSAGE: message';
COMMENT ON TABLE "community_revisions" IS 'A post''s or comment''s text before an edit (edit history).';
        CREATE TABLE IF NOT EXISTS "community_spaces" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "slug" VARCHAR(80) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "position" INT NOT NULL,
    "members_can_post" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_community_s_team_id_3b5a26" UNIQUE ("team_id", "hub_id", "slug")
);
CREATE INDEX IF NOT EXISTS "idx_community_s_team_id_955ef0" ON "community_spaces" ("team_id", "hub_id", "position");
COMMENT ON COLUMN "community_spaces"."kind" IS 'DISCUSSION: discussion\nANNOUNCEMENTS: announcements\nEVENTS: events\nQUESTIONS: questions';
        CREATE TABLE IF NOT EXISTS "community_posts" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "title" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "pinned" BOOL NOT NULL,
    "locked" BOOL NOT NULL,
    "media_ids" JSONB NOT NULL,
    "comment_count" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "edited_at" TIMESTAMPTZ,
    "last_activity_at" TIMESTAMPTZ NOT NULL,
    "author_id" BIGINT REFERENCES "team_contacts" ("id") ON DELETE SET NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "space_id" BIGINT NOT NULL REFERENCES "community_spaces" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_community_p_team_id_7f47df" ON "community_posts" ("team_id", "space_id", "status", "id");
CREATE INDEX IF NOT EXISTS "idx_community_p_team_id_f35b53" ON "community_posts" ("team_id", "hub_id", "status", "id");
CREATE INDEX IF NOT EXISTS "idx_community_p_team_id_8c3694" ON "community_posts" ("team_id", "author_id", "id");
COMMENT ON COLUMN "community_posts"."status" IS 'VISIBLE: visible\nPENDING: pending\nHIDDEN: hidden\nDELETED: deleted';
        CREATE TABLE IF NOT EXISTS "community_comments" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "parent_id" BIGINT,
    "depth" INT NOT NULL,
    "body" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "edited_at" TIMESTAMPTZ,
    "author_id" BIGINT REFERENCES "team_contacts" ("id") ON DELETE SET NULL,
    "hub_id" BIGINT NOT NULL REFERENCES "hubs" ("id") ON DELETE CASCADE,
    "post_id" BIGINT NOT NULL REFERENCES "community_posts" ("id") ON DELETE CASCADE,
    "team_id" BIGINT NOT NULL REFERENCES "teams" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_community_c_team_id_922530" ON "community_comments" ("team_id", "post_id", "id");
CREATE INDEX IF NOT EXISTS "idx_community_c_team_id_b93fdb" ON "community_comments" ("team_id", "author_id", "id");
COMMENT ON COLUMN "community_comments"."status" IS 'VISIBLE: visible\nPENDING: pending\nHIDDEN: hidden\nDELETED: deleted';
        COMMENT ON COLUMN "access_rules"."target_type" IS 'HUB_SECTION: hub_section\nNODE: node\nPAGE: page\nSPACE: space';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        COMMENT ON COLUMN "access_rules"."target_type" IS 'HUB_SECTION: hub_section\nNODE: node\nPAGE: page';
        DROP TABLE IF EXISTS "community_settings";
        DROP TABLE IF EXISTS "community_notifications";
        DROP TABLE IF EXISTS "community_comments";
        DROP TABLE IF EXISTS "community_flags";
        DROP TABLE IF EXISTS "community_conversations";
        DROP TABLE IF EXISTS "community_reactions";
        DROP TABLE IF EXISTS "community_conversation_members";
        DROP TABLE IF EXISTS "community_posts";
        DROP TABLE IF EXISTS "community_spaces";
        DROP TABLE IF EXISTS "community_revisions";
        DROP TABLE IF EXISTS "community_messages";
        DROP TABLE IF EXISTS "community_moderation_actions";
        DROP TABLE IF EXISTS "community_profiles";
        DROP TABLE IF EXISTS "community_blocks";"""


MODELS_STATE = (
    "eJztfWtz20a27V/p4pfYVYxPLNuJLz13qiiKsZVIpI5IZZI7TMEg0BIRgQAHD8k8Z+a/3+"
    "4GQLwaIAACZAPaHyZjkdhNcu1+7bVf/9tbmyrW7TfDjfYr3vYG6H97hrzG5B+Jd/qoJ282"
    "4ev0BUde6uxReaNJj3jLXpSXtmPJikNev5d1G5OXVGwrlrZxNNOgTw+Rg+X197ZibrCKFA"
    "ur2HA0WX+Dpoa+Rc4Ko9mX4fdnH35E5j37k4yNNBvZjkke/sRe2lj4XvvGXl2Zz8Yb+tGq"
    "qZDP1oyHRj/FNbR/uVhyzAdMHrHIZ/3zT/KyZqj4G7aDPzeP0r2GdTUGqabSAdjrkrPdsN"
    "fOtYdLw/mZPUt/w1JSTN1dG+Hzm62zMo2dgGY49NUHbGBLdjD9BMdyKc6Gq+u+SgLovS8b"
    "PuJ9y4iMiu9lV6faotLeFwhf60nSZDqXZuO5JPVSmgwkIrD7LymmQWcB+ao2A+CBfoXv/8"
    "/Z2bt3P5398O7Hjx/e//TTh48/fCTPsu+bfuun/3hfJkTLG4phdvn5cjKnX8gkU82bg/SF"
    "/zAZ2ZE9KaaMEH32/yn8RyvZ4qMfPJ/An/ywJP4B2nkKCF4INRAuj2OoYC1/k3RsPDgr8u"
    "fZDz/kwPvb8Hb0ZXj7ijz1Og7yxH/rzHuP4h3i6y2WMgiHEvVgfNpJHkP43VkBgN+dZeJL"
    "34rDS7YnaSXbqzIAR2U6B/GP7wtA/OP7TIjpW3GI2WFhpwH+ZTad8AEOJRLwqprioH8jXb"
    "NTu3Vdu0Xvb/euoVAM0dLVdEcz7Df08/7eawj+HLgpQnTktW3/S4/C/Op6+HtSA6Or6TmD"
    "zLSdB4uNwgY4T6iDHNoUMkl20iq5IO842hrz1RKXTKrGF30T/KON2zn5gSq9yPgrMEc188"
    "vr8Ww+vL6J6ediOB/Td87Yq9vEq69+TOhsNwj6x+X8C6J/ov83nYyTatw9N/9/PfqdZNcx"
    "JcN8lmQ1slkErwaoxbSuy7YjuXYlvSdla9C8/5VFUXxLFB1gkqtpCz+Zj5X0HJcELYus5W"
    "AvXm6lsvZPSnS/KSS+bo9pDIVaoMZwafwjQpWQF+7UPBr0lAK4f+SaoRTUtBp+Ni2sPRi/"
    "4i1TxSX53rKh8OxPn5eZ+8O0TAX/CeZY8Gq4QC35eceZRKce+e3kF2PHs3WGs9HwYtzL2G"
    "JqAPbOxkUsI8F2laK4prbUGLrkW6DJ3dVVj03gpaw8PsuWKsVmMn3HPDMTr+yeTb+1Plsn"
    "X5EN+YFhRH8M/erRSc0hIYPJnk1B0vlSjH/MhhSYPYF31D4weydj9mzdfSiDb/B85yinj0"
    "XA/ZiN7ccUtNQ+kf7HNErN35jQ8SZx724+aopbapraAy4pG/pucUmpq3f2VSacHlEPZuIU"
    "9yV//vUW6zLDNvPqGPpKWzYFsm6PsSW0xusltg6EiN7krtlAXYVJcW3HXEsby9xgy9F4/o"
    "QygI3YcDfeaNsLfK8ZWiDRRfjwE6aPH4TZmI7RVYDIuw6xb2pYhyNvpK4CtXKXB4L0xV12"
    "GBzJ39BX2uZwnK53Y3UVMfwk6y4DQqK3iXtN1w/epoIRz/0Bu4rdBhsqGUQKMTwQuhtvwB"
    "DBriJn44c1OcwiyEm2Ix+6+8+8UUP4ZsGYXcRQWWHl0XQdyca2ffjcG/nDzbzROouadzuQ"
    "lmRfooMdhpk32Hk4VjchczeHTy82SFchIj9ReyK/ivyEA3G6CEfqOFhYlWq9rl0Ew76Me5"
    "vhaI6O1zWYleFIXQXLtNSDKZ4pHaPTAEmag9d1oHRJxukqUht5W8Oau/FG6SxIlqYcehDe"
    "0DG6C5BJAKIRnXS0DZbq4AdvgkFnbMxO04UEQNU9mC688UbpOEjUs3Q4NeGNNVTVaWdv8f"
    "5atDB5TNF0zSMmLPdQ7G5jA966nQXQwveuoR6MFh2kqxD5c8xzpx18KfV2+pE/WGcxc5e7"
    "wQ8FLDJUV+EKKC52p6iDV/VpLnah6Dal6iNXH2adhstn8eth7TsOUn08l49X9ymuADllJR"
    "sPh5qTKdRGbNSuYkd3MoqdQX59DTsZGWpC/uoqWpSHtrFSw/3ii7uceQN1FSsd2zb53cS2"
    "pBGNB8J1xQa7iYzVRcjWWNXkw4C6DoboIj4b+eDt/Ubu7l5O4alpe6IwdXx/khVKgkqWe7"
    "ArdshGunW764n17qQ1BZB4V6uOh48EiGkPhqQZ5OGDr1c+bGTAS2PU4TuWSgaWFHm9kclP"
    "PdTVT8Ya+UN1Gi9sWKau12BkU8TGu8E6jZnt4INDScg4MzJMV3HCa1nTybZ/MFc/pgPNcH"
    "fp+gApxyFD1QNWOFR3AXPwekPgOPRsZIjN/bG6jZjtbjZWLfewWThSVyGTXVXDhoLJx9tk"
    "NdURej/0h7wIR+w8erpmPNYE2xUZqvN42VtDqSEcIMBsRobrWDBAqSoqKaf4/mN2auC5Sf"
    "5T1DNe4rRtSeWb/1SoPeNnJmdUoAnzlvPr0EiRTOl6y9H8c1c9yqVViv6E8jRtKE9DjMmM"
    "8h5jw12nylLFNBHIilyqpjf9x2R8O0DmM/k2C2N4cX05GSBZXWvGwpjNhz//PEDk593f94"
    "opLVYK5O2PBUqBvE3WmAhLgdC3oBRI0fXSrVIgUADxhPthCD09q0pDHxEC6KH2pLC1J12/"
    "XORxqk62FdLIauZDml2kqZSlVPLOz1Dn3PYDbWTf8+kPgnqTL/RCz4hI/o2eD/9OoHMVEd"
    "+dFSmJSJ7K6XSSKooofj3PXu8o6DbTp0e27WeTbJ1lu8mkBCvhLRh9lAD8w4cigH/4kA04"
    "fQ8MzpdpcKau3tnXGs70OG4NSsHWYYmgohpSA7pfhrKeUDV6Ee5goFrTNkUAWYZpEUE038"
    "KIBRwW6aypmw+agXwp2thSRnQcr5vlEssWtpBjPmIj7HSJZBtpjh10w+R10qxpVLB3Wmrv"
    "MN2Wvi7GpTpn+UCNcrgn1uGYwN82Ghmtgtbjkh3Ueku0HGACbQ1B0wNoa/gytAxOTVGcmu"
    "CBa7EHzq/+0eNYysFb/TwrWYl0Q9hvIE8NjDbYsk2jjx7JyjbQcouYc6aPZMUybRvhJ2xt"
    "EXUBpy3h8uJg8gq8p/TBxXcyFx/Yutnod8vWreQTYSE4tLygdWjiXUcb3TR6Jme1nOId0j"
    "ntqXJO7ViPrC3FzZcreJBfYEWXybxEMqL6VpE3IgpGpK8TxaO1vEU2dpBpMDY6uC2gV189"
    "gTd/e8Tbv399nT7rG/mE3JB+8hxE9LfjdvCIOZ2ms+8G/uMix/ALQ4KT341LXbx2Ah2Et5"
    "H4HwYQF+D96SiBrMhY92bz28vJZ5pzQqFeGJO763Oan0J+3ZImqJxPp1fj4WSAlqapY9lY"
    "GPRuNED0zrgwxuTxAcLk4eSZcJp0FTOrmusvs+mEvyQiIsn7saY46N9I1+zGbkO9v927Bi"
    "uchJaupjuaYb+hn/f3XrN3JB7gFKLY1TgA+tX18PekDkZX0/PknZcOcJ5QSPRrppQyx98y"
    "TuCEWAdiFfMMk/Hv83zgd3bJ1XTyOXg8qQ2wGV+mzQiJWyIS7ZA9VEv20GmIdq/JCceC33"
    "U/yTbXw54r+y3zmbkmti0BkhjIvjGMVE1Fr1hxxicNP/fRxrWUlUyl/RqpirneUJzUhXv2"
    "w9mPr9+gOZ2uiBjgiJjbRto8b+5jcm10Rde8bpz0v0TJSXs9fJJNAyUknoKbs6kormV5Zx"
    "ERjghwHkiO8yfwAULyAdkmVcbx1AIzqqLJ+raQyfo2x2R9mzZZE2uizNUvIdrBu19L7noF"
    "Y2cUrD1VDJ6JiXZQ0R2+5Pususarg5fNc8SlxKA66Md2hupIXndKHHEc0Q6mCzbCz4LBe6"
    "pKJdHLdjUVxIVBFcA9CMU9ZE32mqDtXqAFF+H4IheJ5YkqIaOKYaGwyujPLJx86D//nY1G"
    "t9fIi95B5E6kqRiZBs4Iqiwhl0vNeAF4MUolRptEWJr/7YVwkt/8YFMxmk6zqyvs4+zD50"
    "+ZYMKT7Yt94DeCCP3bUzbQMsLRMqcO4jz1wd18GOe9ZtmOVLZeS1wKzIJCZgFLAiuLdEwI"
    "gC5WH4eAVArknUD3AH53VmjPyNkyUoHfpms4VqnwuYhI9xAuAnA2vil4de0eK1vyHG3N+1"
    "A5zoszzBEDVvw21n51llKhX3fns9HtJQv3CkdZGFfj4cUA6VhWaYDX5+Hn8QWN8Xqgt+iF"
    "MZpOfhvfzulrRFdP2KIuQuNq+sfwigiZW1lfGMO5dHs5+3WAZEeyNPuRSH25u50wmZVrGV"
    "hN3mxPEy7GrrMprQ8tS95m0Ba+QEK/LyVEjIYe/fPP5CbFQrfLUNGhBNDQ9dPQEPj1An1C"
    "7katqPW4JGhdFK1zXMDcftxV2Hcg3uv0gYD7CXwebWLki/o86nN3dN/VcZiXI8LCPh3elX"
    "UXpNoRrGOTcuUupdoqm35xl9e7sbqKmLLCyqPpOjU15B75w3Ww0mk8cUnXnjCNhax1xl0E"
    "w76IqUf2Ic3RcQ2dpsfhSF0Fy7RUv01GdZimdIyuArSRtzXMpBtvlK6CZHtNLz2K7eD5NG"
    "OjjfzBOouZR35n5Q6Xa5McDtVVuLwwVXLnP3Qp+mYBu6/OguG6iJiNH+ieU981YuYN2P0b"
    "RICcspKNh0Mbv6dQG7FRu4qdn8i3sUxKOR6I3RUb7CYyVhch8xZoTZaSN886bicFiGkPhq"
    "TRrFH10FXqw0YGvDRG5KWuIqeSgSVsWKau13CtvSCjjXeDdRUzFnNIlqdxaKW7MR1oRsbp"
    "OFLuJozTPfBiuxupAGSCRRFlIlYqvDxiiZKJQz5Pwk+y7u6A44M7NfDcJP8pYJl6o45jg3"
    "YE6OjUXGq6TgepATLfgjgPR+wgXnssrdJoFTW12oJVybSPL+6yx0n3oC/389I8VsS0Z0/U"
    "2sQ2TMCwdfcBalqK42ymMlnJEuI3XT1eTG4TYeVsLZTAN3i+g/h+LALvx2x0P6bAhZp8UJ"
    "NPuDnfziA9qMkn3LENMWJNx4gViWOCEJ0KwSb0J9QTX8LA2A9WWyy8RPUj1VUOjgLwRuko"
    "RjQakXrNjMPZ+JE31KTDRLyNlRo8/2SjmnkDdRUn8CdW8I6pmnyoO8wfoov40AK0B8dzdd"
    "eDLysKWRyS5R58LxiykW7dQteCVmIFrntw3R/Vda/I641MfmoNjvuRP1RX8QK3fTmkHLze"
    "ECgOXY4Mrbk/VpcQq+i2D6ah45BPrcWj6s/HcMCOGJPlXaoRkobvXI2zOLlu1mScbN0e15"
    "Xn6k13CwDHqwgMbj/H8WqZeuU6PYHsET1X3kQu6b/qXY+9Hmye9MK4nl6Mb4fzKX2JLBjy"
    "LU3y6pfpbD5AK9OrlXL6YjqmsTTJ5knjomjESmU18cY5osoMk+U20LJGZfXG3psPveJIkX"
    "EWxuVEurmdfr4dz2YDpIUcCi2ndH1zNfbLKfkdV8TQp4OttS1RE3RTzWnJHaAG36WYh6jo"
    "rsoAk1xfJZm02r2msFsPmaT4HluYrNFSjQbyxoB6T/lBBRXqPS1lw6+nlriTeP06+ToKhR"
    "IaoV0+m1LF7pXjok47mMZQP79Mxmqwnqev3jIVkIc0J3YbSWJdYSuMCcIWKPIWSFQlWVi2"
    "ywVHxaW6UHnz2MFRf5latbUVE4TQKFEWW5HQKGrrl7WnQxkIjIK6ZS2FvmrhPmibA+GBzZ"
    "739ZaQ85nWAxH1U3M6Cmh4oEEbIlHbEKVCNbnNF6EQWGUnXUmHU5gjSzG/13S9x/E6cZ7q"
    "57fuDp6Xlr5A4X5OS1d/RM+W5mD0SjaQtt6YlvMaERW5WEXkh2yD1k02kh1kknVJcFp5DZ"
    "u+s5Ff6MTrr63IjsL6dbubJBfc4EctDNdwNJ09GkLhjYtWJtELMmiLKfM+Olr4UeRz12QH"
    "yuo+lXCw/TNy3hqavfK7fIPfTUi/m226llIq5TGUOKLzxlsLTVG7Tbd7cUxH5rTgyrYGgu"
    "dFtgF6uw3C36CWW7J9aHZkGyvo7/IWwtnb9z+9//jux/e7+b97JW/apw0x3zlXgXGKSwLl"
    "1CbKKXrYlFR7QhRofJFpfGC4gFYRQQVHyLps0tBK1yTi2FncwkXZZla6elIDUX6Z1gbBGI"
    "wMMY0Mr7CsN1JKDdkBJwkxMWJMTtWirZEYE09ZfhFWzhLJ1k1aEtRTu3oU2bVL2eY7gSOa"
    "5jjoStJGy5wBJln4vjTKgVAXQkKOUPjJwuSX2tXM8qRsewxzr8k38n8ADR1GW+wEJCxW0a"
    "t700K6/PC6GFXSJUMOOhtmr8d20jQctafy4J6wFaTeFr+NR4SOZ77/UHKpL931xmNByYlo"
    "bYNF/wnJSNFlbY18mslGJtEs0hwbRX6XWFf5yAFJvzpZaxueBZWpsIRUJaWJdkbWzFIHEF"
    "FzntjNXkpJ2Z0wcxDgMMXZA9NHX6C2CvUCY5KgZZG1DEw1xGK+RCYQXAYiuQyKxhgGtRGO"
    "E2F40qXQbHzhQW4Zv5NV6HHxavpzfDMZT/bzHDRB061IPNyuB8H+WLgbbAUhZjQ9/RmZ9w"
    "42kGyo7K+NZa43jr5lMWTEgNW/p1cQtJGdVYTw0Jw+k6DmD7Ys07LfJM2fRj9ov0cp04cU"
    "oFf2PInLwVFSk1NJl+3dTK50l+YOAFdqka/UkY1LMV2Do/K8hciTFpZPEnI1xivR0uC/cA"
    "GV0wVfHrRRTRtsK9PlB2nNcbBn6iAhJTBL1zN1FUccKZrBDn/6A9CSBrojx6RlVtZa0Zo5"
    "NbN5zIFWFv+4kMDwn4wkZYHQmcDmGvEJSdhZqu0s7Oqcddhmn7Rxqc6AX9vE9u6eFKU0qt"
    "nFKOJSXYg8OHYxihDBygZDRBiMBZGNBaoBSVlh5bFalbO0eGv03WN5fJQVsZ8x3qCVbJO7"
    "0/f+ryH/pFmsTxg9k481n23kbugFaoWtgik7nZom4KYB74AAKjixd8BnKQ92DMzCcVpFah"
    "aFP87mNu0PGNEd23SdoGMBxxGQfKSf5wFQ/Idj7RQaa3xLHt7g4KOkIEEDijGLsA/3c6j1"
    "tOJSysjJD+cJd7B/69mHD0XCpD98yA6Tpu8leCS/uUZRsIPnO4hv/YWPXYuThJ9tbfuPg5"
    "ld3symXmWXw9jl7RqBxBFTV8wNNnotnczQczgb+naGzxepcrCxNAWXtlajUmCuHhZVCEzB"
    "yaAXLqDzxagCSJumSRsoBnmsYM3UcVoDxDfBOB0FN3qBEKmKiT+tzzVd935mmh2LP9HPJc"
    "f82bOMPFwkKvZ7XxD5guRRxbH7yMK0849Lo1FNw88KDB7xCid8CuJcEWsFS6NZVRrZsuYG"
    "xTb1OWWqrPjjSr69Rp4L31tbFpRgEZTSo7pJwX+BFW0t6xnUksWLMlA9kTe+aFN7Xtnk27"
    "X8l2kh8hFeMPtBjMjFeHR5Pbx69fZ9/yzROSaw1N+n6hvozlNJfH0JwLcQvopr0W5T2zKc"
    "UlSmCyxeohhKkVoo2aVQkgAnNvYSMKclj9rVzwg6DbaOwttYpuqy2yoH76FlydssOicml0"
    "C7DRWXgp9gs9sKWpruw6pg5O4eKvuff6ZA9q6uZSGOSLUSYF02fHRtd0nfWpLroWM2BDL5"
    "NIkIY+uJV+g4e+9ICXZvn/5YYNv4mLlrfExtGlHESgfmZkhD7HmacmRQ/cuVDUdzONeOfI"
    "ijcgBuGlwDf9vZ2RVcWBzx1sRmvshY3GeiK4lcxvEzhwTIa2gaF4SmpiWammq2RL4G7zzO"
    "RTwqBniXw3tDMwRUl0Mp74M8Kgmol0BdVmgkO73KbEqHqvFku3cBbSRQTdVsdnuUNthSuH"
    "HDueQXT/xgJkwwLRSgwD6UYMB2kMlr/qW/GOCh9AvEuxTl6NvNm6BOStWmMtnDwJ1V5Dur"
    "Qn2+erUQu7go6FlkPUMh4uyLRDsjKTlqTxUihmA+COZ7iUECEMonZv4lVGcUvzrjiBEFPW"
    "6YGXunnx9eRp9pNONSoelgkGQpzGbbR9kRWUrJVD+lu6l+P74vQFD9+D6Tn6Jvxa8Yj+R3"
    "8cEdG+46tYvGgA5kRQa6dzO+HY0n8wHyCbSF8fPl7+MLMrr2zauld2o/tfe9JPOe01spl6"
    "pKSL5AmqoMLejxeXyY8zbzuJzAPureWjPKxR6eqCImRCg2G6GoutauCWmVfT0qf8wk4/C7"
    "FJ7y08loPEBUcmHcjm/Gw/nl5PMAWXiDyU8wHshuP70d/za+JZ9IzLMnbFXZ8euPaAwglj"
    "RDWpOr+apMOUy+sMA708miZ/wSG5V8njzZ7m09jfg8PXcx55jN8+2HQkd06wfWVGu9+lDd"
    "IHuit5OTL1LdADh5oIJFUMFJqOD6aMoLrJMjx/LBTXGV0bf7eYSlGj5YsEXMP1ayg5bulm"
    "aeyshP8kAPlkyAfYMoI01zUA3yUUhTbbTEukmedExWzV3x31bNNcH8E3rGXqdM2yHTLiMr"
    "9hgfeEDLGGBYT8mwdp4E/HJ3Ll2P6ZVq9uXyZoBW7lJa4/USW/ZK2yyM0XQyH0/m0nA0Gs"
    "9mg2DCS7KiYNteGPMhMSod+aGK8XhWhLM9y+Zsz1KcLf32lqmXIsWjMt2zYhqoGubPALoj"
    "8pPifplNJ1kOiLRs8n6tkd3336gNGXJ1GDwUq9jVOlU7L1kmL3FnpgMka+f567HoCvAf7+"
    "Dk/+GHIrP/hx+yp/8P6TRysCtfoF1JT4myV7FQpkMM5JFdImGiejns43Jg1R8WaQeEChAq"
    "XSFUOLtLDajehCN1FNj4jrofW3L61YDrF2+Udh2VRSENLwgCcn9YJdhf76iAXjYNmHyyX4"
    "ARJNfgONVQkB4cUoYChWLIv1Sj5Zayd66lrGQqZ1N+TnbIaxZ+Mh9pl+e1+YRtj557pm/R"
    "Zo80TgiRWyBW08Rgsx+VGYQZjeCN7E9xtCBCU5wju5/DH8a1VsmCSInDjQqsibYqAKwJSJ"
    "l6maoAw+6Yhh3UPz9e/XMwoRs0oaN3/sMhTtlpHQWae28WycYe09J+OmZtLjmGdfTtfp41"
    "jcMHy8TXyCioA78ydRbUosiujZF5H7FsPyHPyR8t+K45GQE0h45YyhwG41eYa00/x/jNqw"
    "O9P3zmJLWgw1DrMkE0w9H88rfxAHnSC+Pz7ZAmXzwQrFj2xW/TX2lenUcPVcqsqz+Mg5UR"
    "sqsUI4oKdtCJ3RKndYBJrtcaG2oVFUfEoO6QyPq1TXKylop2CyWOuKsG53/JfbVi1E/9qe"
    "AQ8pMNfXdDfqCoV9e0ztlTU0W9wEUgAk8NLgJwEbw4VYCLAFwEbUAYXASndRGchrKeWirj"
    "ZVNktfdGP4+mNukjjZatw98cbBmyToFL0sPhUylCWZcV757+Z7QLafgyRybkJR3TIR8YVk"
    "P36yFZ+N4lH65CI1PgpWtjUGQtmBUl6rtNLljNnw02VFbx52Z4eUH+JGNRVvrnu8mFR0t7"
    "85W+fzu/HF5d/SGF725ky9FkXd9K4XM/Dy+vWKE4WdPp36PhZDRmrwRVy6tw3PWng56knl"
    "Y1Bbt2Wf1WZMdqrqiV3ANL2AsJyeMZC6U717ajelzy+CmlDY7wCRXyQ64SdjsWDb2+l4sW"
    "LjtNxGn0KlGGQ4wJdpBCbC9lyHGzRS6fJY6ahJjA+dc9bb0xadcZ5N3kB6z4iUajN9BKVt"
    "ES0xqClQ79QinaZzkp2meQot195h5KfwloYQFxLIgqgDgG4rgNCJdutZExqTUHrzn8zbkv"
    "9vOvt1jPqtMcJS0vyTgdwjxueMjbXVRwdZhuvFGEuYgejlHjFDmbVFk0eTDj9lDl0m6G18"
    "uXp4hx9mlAVAtKVP/LlWl8P4e/zFRAVOR4t6i3zaqhtqrnVXhKYChrMxP8va3knhKVAsOg"
    "OhN5usA2we4GENf2AqAHm/iYNrEZxIAciOkulqSjoEbPMjEDpwTbq2uImyJfAU3urq5OFT"
    "gV2NAcmzBiXmdbhFFLfn9+79TAaG0aeItoESoqiO4tc41mrGnPgGbjypqKlBVWHk3XQeTe"
    "qBlPpqZg9Oqr7XX2sfD9V/R/EXW1aurrdMZvQ5+RG+AViuXEd/kP+YhJmldtWoNQrNNegv"
    "JCsXZaTWlhbwMqX0rk+voVg3Qa6T2VuTjKI88dQ2D/tVhqaFv0YYV4gdndaDQeswBC21UU"
    "jLlxg9VjECuFGkB8YfviC4Gxg5hCUEjUradViiYMxaCig8ihhBC6lr3guhu6diLHiGDr+D"
    "Q7qu0ud9+2tAo4wqAJ8JC0E3oI4ARnlWAqgABOoRAum/l/bLegYMfowV7B0HWVdWOpAdxZ"
    "YrhuYsy5qZX2EoYq8DiNA4Nrb9kgHdozGg2uvbE0Bfd4TlT2Rj/XhUofOUY8bdIRST8X/I"
    "+nvudm+x8ZgCn8i7liAlmhHTHTyViiBMUAmQaZu9qaFSQe3d3estIQFqb+CKqnYkprurc0"
    "OFTAoVJ5rreEwqdOc+tJ1qvuO1F5gX3uvYvhHwOkytuF8Y/x+NcBesb4cWFcTyfzLwMaPu"
    "SsFsYf4+HtAG1x4SIOsaXxscDS+Ji5ND4ml0YALMGau0Syz+SUIKRepBgmSyMAkenAuTRn"
    "M0sxIWGdhycD1dCUR/bvEudlVOaI5+VxDstGykkkL/MlwOaICrxlixQmFXbiSNxTTFPHsp"
    "FxUdkJJVBeEqmmpnZgNR3Xs30+nV7FvJvnl4mbx+Tu+nxMLuAMdfKQ5mRcSMDnnD3Ru+tz"
    "hkLnIvjcwN0JPjZB2dz+IT42qPl8rJrPkXPcz7eRbGzb5Lse6J4Y+cPNvNE6pID4RVNVyW"
    "83OQkopQqleDocquS20FWkoi60A+dWN32ODfu/TNo7E6telt34KSunkPdcP9875ktIvrmK"
    "n0r0E8XLlWk+Ik8GyTq9MW8R+TRdw+onpBk2ZpUjNYMVjbTJtyVgyYZNjTXTQLJNX9cshO"
    "/vseLYnAajjXxEkWxD9om8kvLgzhPSnZdUW0oVe5maqKjIjj2RqJpsJ2qGDdMCx2lFfN8W"
    "4h/f5vCPb9P8Y7g/V0j8SMgCR9MmjgYoAqAIRFBBbRTBiSpw+BQC/7YcsAu5F2T60MkaGM"
    "FtU8jbZmnP69G9rse7Vzbhd+1+WwW/i4Lp2a0bXXbuTWtNuyoo1IalRXWS1vDJtBH96ilt"
    "zAnofG0kxDoQcZB3vxz/Po9dLQNEX10Pf38du15eTSefg8cjGhhdTc/BE14K9Bo94RvZdi"
    "SVnNEbU9eywlD3R+hxhjnivH8gvxunJ3/4cnwP+nU8vhmgR4w3C+Pz7XA0HiD2KI0T/m36"
    "65gGCT+Zj5W6u9QfIcy+WtkwsrjQ8Yyin5JK+OngK09toWMQ9JENdXcJhZW7LM0nhDKQ2g"
    "6xHq2AHoicY8Z6kA2iBkS/eKO0azcpime4hx6QdErkyJ3eokgc6H6/CEfq0CROmKvsJ5J7"
    "CsV+jddLbNkrbVMPclgl0/V6N2hXQcS0l4iOa2gkNA5H6ipYic491bEq05uqJfthwp8ZZG"
    "MfEm/lJ313cSaxkLSDAYKANAhIO4JXzZth2a613Qzc61+Twnm/P+5siNg2gpyV7KC1vEVL"
    "jJam+7ByUOBgQ8+as6LF6L3hEXlwV5L+lWx4vYzR0l1vODXuGxif6/+LBEqzDwTnnzhmZD"
    "/H+Qf8WbaCusufZeeA5qdMZaZ/ApOzbwlCxpowCgAWE1hMEVQAGWsnBrZIxlrq2KwF2W5Z"
    "/Wlcw4uCSAGUt5h8dUXTNWZF37pcey/9UD/P6LODJk5RKclyixqAtAlZXBhtiLlF1zz7B/"
    "mfZqqfWGSVZT6jje7aiFhlsvqk2aa1RbqpPLK4BxpvZRP16Zjf6qyRT8kNBvVGBVNQnLO4"
    "n2MK+tpKaSA7RDGU6GAsaP1BP+RYsKrZ2nHJDtraLbGtA0xyjet7zdDsVSU9J0Shx43Ier"
    "bwRtYszNkxMw+sqAiUgQO7HOxyEVXQ8jQxvx4717QJKrVn2zORkvBN5YjtTCb6SZAoJtSm"
    "kGcgpPRWwlTgyXbQaGimhiTUuj51c7WcZseZFtvRGxz3dj2Ke8eZ7PV3IgZv9Ev0Rgdt2M"
    "s6RGNyIu9zQh70YHiB4SWWCppxiHq7RB1uu3CkjgIb31FFMmpnzH4YubZjrpk9mTJuE0/0"
    "CzjtFP/hwrGa3megQA7pmvGIVeSYtC0R8tsKfkJy+ISmIgM/kX+szSds0ydlw2RRl/7TvJ"
    "DNpj6miFUeDAl2uVBnRn+/XR7VXClLhScNtnkx2xyvZS2jBRIf7p2AwAVdKgL87qxIvRby"
    "VHabr7NUvRYwCbPR765JCBbJaY1B6KEOxqFgKmjEOIQe6k32UD+lqTjDjkN+rLfkuKbi7o"
    "l+AVPRjj5cwFKkGH1nB5acrLCWirQ+1dZG2FCs7YZWevcy7zabNwqZaW/YqybPIDxwtP0t"
    "n8GyE9Oyw+QS60hEz9JOzWl9ZFctzJLvhHWXd91tooDhs9e/QfJBraSQvDFAKRWUQqf2Su"
    "PRu9kmeFSmA4U8mw5bdjdqRQs8LgkWuCgWOCe8NVWUQgwL/IXcAVJGX5mb8z4DcWrguUn+"
    "07B5eFJVNROyeZgZEi3FwjNCEqVackyQZH2YhgMzo5/HcwP9M2U2+9FOf4IZIaYZwddriS"
    "tT9giduLUewVEETrpTYp8dvrm/DPopQjkrhNJeTkbT65ur8Xw8QJqhmOsNPdwWRvi6NP79"
    "5vJ2fBF9X8LfNjQjaWHMby+HV5eTz3SD1GSdqGxhDEfzy9/IeF4Z/oVxM5zNpYs78kpQG3"
    "5h3E1uhpdkTNfYyBoZZzScjMZX9FMUCqdOx74Z3s3oKxvZtf3o1JPHmv7LlWkxR051/MxT"
    "KSpyPLfG22bPpvpKsbuWhY2sdgMZPtqIzBFNcdc+Uoj0uyIO8Wx3eMoUNzRHqpIOkBAUNv"
    "ewLQkB5NOx9SRnRH7sP1Oi8kec92tyZV+VnPm9i+EfA6TK24Xxj/H41wF6xvhxYVxPJ/Mv"
    "A8RGXBh/jIe3A7TFslVlc/9YYJV8zFwlH5OrJABXUvgLJdvqSAnCLp+c+WvLqrQDxeVasQ"
    "GxyihsgveRfE+mBlI1ezc1RN2avCPVkbziHBIrHVGWuM0aAwoSiMPYpoOmElrDBsfELKV3"
    "fwTQutBaZ1aWJOfrPbfLWtYQR+y5tnultU3XmNVcbbtNiMJ6E3m9ecqqsLnGBEHHIutYoE"
    "pdoOWGT85quQVxUdCzyHomW24lJUflQMMia3jXqdbWDF6F3nw9p6VB2yJrWzHdTWkPdkyo"
    "e7l3jfhNA7qLmoUKN4f+AivaWtb5kPPEkyvLk3/jj9M+LeSAfjEeXV4Pr1596J8ljMdAHe"
    "/T3ekDyKpQrBxhgVvdtsXVAwmo2QppZ/hrkQRUCHrumtaLBD2fqC+SYGfai2uLBPgPRAn4"
    "f7nQQ8q9MNkXkHIPKfcCIlwk5f7UrcAEO0oLF77L7gRGvgKa3F1dnbYVWGtxzegEFqKane"
    "qWquF4aC/xwvUbW4J2o32x/U11/EQgmzmyw62kkX6on5fJFuxgmD5PAx6cggU1bsJKhkg2"
    "VMQGQFS/A7QynxH5Fds+utcs23tfl8k/qH3tdbDeYAPZ2EHmPZOxOY2yG/mE3Gy75EHIZi"
    "s/1273Nr36UG+F7ECynaDJdoGeijomgudFTi6q6JR4+0ORgoDkqexqBD+kCwKWJ8ZPEM7d"
    "cM+lIxuobNur1M8slOsgE9pe5jNNeAfHSkkNR8RAwUIrGPg94PdepiqA3wN+rw0Ii1tS01"
    "fAPhqgBANQwvYfmeuNS+tbbixiZluOhm1qZkdaIfSJdU6wJf8jT5kGIhrBxDq3TbQmhyiy"
    "XJ2I2Aqx030BMoChb9MkQHMftTAWxj8szXGwgZZb9JWW6bTxA2O13jAwvqJXXgsH8vZKNt"
    "TXn9BXCy9djawexf9eUvi9vtJ+7izAxEaaQ8afWiq2bMRsHfS8Ip9D6zEg0yL/TyRkXd8i"
    "r/0eVvvonrzurLBG/ms6so4Mj7vwuz9+ommPeIs0MraBIoE6BcuJhqyFdz+k5SM0Z5tPW4"
    "h5SgKj0fPYugp2d0IQrO9q18fUGqpko8XlIcJZZFvNpHt56fIFCanOLLf6GozTo06yN9xQ"
    "5tzTJS4oLLJtian1eEFvvlZlFaPSsJuJvJux86eqslPCoGuRde0HUnA89UPLkre5IZy8Gn"
    "u6Zje2ufb+RowdhWoLUTPL0Qz7Df28v/dOoOjx7/N//gkhmac8oYAnbJonLMNeFWUUK5S3"
    "PoBPbE+V69Js4mHVrj0uq8crdO2/1c+tce1zYYUowWzAcgNu2PeCnqbC7Lf9HM6J/X8K/+"
    "womuD5DkbRnBWKojnLiaI5S0fRRL9ZCubs/jUJsQ50T9lzJ4vdu2tpWKPxKgcVqxoayIo8"
    "yXsXf0yG15ejAVK35DdrysIgNsWcvkDdHPTv0fTL9HY+QIq5Mq2itRQbbnJDHTdptfwym0"
    "74CyF4PmmNaoqD/o0KWi3tsUMpEPlLITnr+3Hbkg6QXAoUQ8khe02ZHSgm1IU6DsfegBz5"
    "gWOdZ8/04PmDZnrr7fNGFsAar5cVeP6kmLB09OmIfkt7eMBWuXkekWnBrt57XskOYoEGK9"
    "l4wNSbz8IP0CsbYxSLLwh+2utiZ+2xlwFU2MheGO2stQAVNl6i1jkOAkHbCp5av0Bpn1oF"
    "R6C0k/c8e6VtDsxg9anU6914HUI+fiVgd5q60RqxUbuKGf6mOZJ5L6nWwfPsggwxktcbmW"
    "wFwtx460XLvxMDYEUBk11Vw+QokHTNeDwQrqE/1hUZqqvLcYeXvTUUyXKNmjCbkeFu3SKz"
    "rDWwlUpdiMYly7rLUAvTCfj4Bj7iwmfGeDf0LqehI0u6ml83cuPI9vDGryV7fb1S4lpUIB"
    "PEa0+DfME3aKgo2La9rIs+Yvs4K84QrD1E1x55n5hTyFlpNmLfgZP3UePA+R2WQ194LKoh"
    "p+xD6jHwVgvnrf7LpPlAFaiMmCAwGaIwGUX4q2AXK7vy4nLAZxyWVQ1U0smgFy5V78WoAl"
    "i9Yya0R+5sB6IaiYTsKLDxww2KBQgU3nu0YgFZtGsRwzFkaMuYj1KELt5vRX7RbMe0tgNa"
    "4s/aInoF9yr6YfkJo2fNWSHa/FeRXRujVxb2k+/7fklATaU1AAxX1jlVBGseu0ymfWSbom"
    "n2fZRdaRCqBwprScoKPyS3WIBoKC10iOgv08vJgC2OhXE1Hv42HngLJLmcioSC1tw7nq1M"
    "PvwZISiBgMiIV4w8f3dWANx3Z5no0rc48EoWvi8NcSDUhZDPI8T3l6eigIMCDgqs70LHN3"
    "BQokAPHBRwUIKpADioEwMLHBRwUFQBZA5MyF+9jHqVwdv9feUq6VwyyFsF6aWpgRF9nJZT"
    "lNHKXX5nEwQxfoNuTFtj2UymV6rR1pY60YX9CamWfO/YSLYw0ownjb6BkWPu4hFSPFNTH1"
    "KEcCKf5l9l2Qd5VNNGpgEUQCsJSit1Put4NL27nY1pTrFr2XhhXE8v7q7I32RNuzqmNNNs"
    "Np1Qnsm2PYbs9DnHjubwko5zWoUEAiKroirXVIgFeZfDgrxLsyBLU92mAc5OLg6eh7oGpd"
    "OKaQSmywnBLLbHhNJHhJ4diCXx713cDn+eD7zDdGHc3J1fXc6+jC8GaOOSg9ZeYVWMzWV3"
    "PKc0knnkRkUgpxj6wAPDClmq3dN6gFFelioxcUpTiqEMMImVSd01VjW5NPRRKWgAXxV7z4"
    "QvDX5MDNCvir6NWexGBVdeVA7wB09eK6AH99Ex3Uc+ZXsgol+8UToKaHh/24+nz3YfDmnC"
    "EdGujboosrEbQhFfZ0YMZJUJOwsH6ya48fM/hi75Cmhyd3XVS1+xawD3Ohinm7hGbYoMVI"
    "uUflFWmq6S6c+5V5TI/e/kNhHfUS2T2u8H1ki4Yt6dm8hYHTmsEqfPA5b8dX8gYDdkqM5t"
    "keXqSZSMLIicKZzAgviJkx1XQC8bUQ3uDyv4bJkuLULgO/s9P6eNXuE3D2/QojdzZMtBK2"
    "zhBRlv0buWbQdbii7b5KlF7/UntJa3SJEta4tkA8lhfYN0cEGzH1UpxADCCoQMKwAPdtNx"
    "/ODGAzfe0aZzOx06Rdx44NABWvUlQA+0KtCqYgG6j1YtQqLsoq+BQTmeoZvgUjjGbpptyT"
    "Z4vbhbKUrz1N3mzfB1u6ewnr9ooa6eIEdWP8e+tCnVUOmyHpfs4GW9JZdzTrRV+nZOq6DQ"
    "g6GSVZaQhfbQImsa7LAT2WH0cCyNfEQIoAcTuKXQQ40AYCMEUwGwEYKyEckjswZAyzEPbQ"
    "U2clWAigsvseKCFw7GYYl2cWLZ5NAuJG1/GMQ1dmRKF7DCBwZyN7opq1hF9xrtfOkSFVqs"
    "EyYtw0m+6GtkWv6j+JuDLUPW0d3tVTrmocZxSwQ4EDUC9SQm9dT5igmX18PP4wHS1mQ6L4"
    "zfLi/G0wF60lRsLozh3cUl+Yt2OyF//XxJKynQlZBcNkXCIupPbabfhP2bqx7+4ojKiKyW"
    "qrEnHz4UiT358CE79oS+lwiV8IvfMKBKYJ2U6yDeb8/ydpzdrD77KXta0/cSKWDa/2BpuX"
    "W4vq68FLCYXGdCfo6dgOed7NIj5pQMyZ7sCbEOlqdtYmsJLk2Sa+ll0E7KdRDuH4qGEebG"
    "EaYCCSHuLVsBEPcG/hYg/dsMPTDNwDSLBSjEvUE2nBhgNcn6UsR6HNKXvd7P43yp2hoJA/"
    "Q3J1t3H1LRf8C1Atd6Cq71y/R6fMPo1pW5xhvGuM6GV+PZANmyju2FMbqbzafXA6S4tmOu"
    "xeBZ2RLiqiWDCvGfF1kVFa3yj0Vs8o/ZFvnHlD0OqZNNF/+FirRiVaQFBiob+u4yUFBAtW"
    "ta5wR6QwHV016tgXcE3lEsFQDv2GLe8RRsWlvwbpxOy6kulUA0n1wrWV9q6HeMwipa6qby"
    "6HWWogN9QprDSjrZK/OZvOaH93j9p17R7ubOChPpJd7a5J+y9853tl/5idMlveHPKhKAuf"
    "EJSigxJcAp2s/hBqEAUs0FkLLJVj6axydYyaXgW1kWpCrxVHuH8zbweo01nYKWXk2im8cP"
    "NNHSC5pxHPsYPHG+NiAf3J3LN0F5gEx5IK/aBT2QV8ckrwKL80BIg8iajkIa2Uj3QwqtDA"
    "phWqCVwcnz3lsKbVbae5EmEU0SiUNGh926DNsUjxh5t59HI3qkmkRLtxdlER20Nm0HmQZm"
    "Fd/RhuZNy9YDdj4hzVhhS2PTBqnms8ESqmnXeqSY66VmYErp4TWHL6xrVG7AoDfQLlvR/z"
    "NIzU6lbQNRKCZRmFBjlZifxBAiB1r1vtydk/dG80va1T7STmJhTKYX4wHjxReGF3ToBxze"
    "DEfkD3sjK4IkcodLrdyNPyoGd/7K5taae9AXWyqB7BFpNUO2LPO5JLnWmwxvb6f/IMAz6Y"
    "VxO765YuvAwhtdmJVAKy1gH+cq6ojKH1El+AlbW3Iql1XK+Lfx7R/TCdFCMAJRzJTFQ1sm"
    "i4eejT9fjyfzmTSc/EH2LPywJndJW5KNbfS9q6voe7pONrzb6cXdaE4G2lim6ioOja2eTu"
    "ZD9ppfPscWQ+nsp6Y1/stsOuFvfDuBZDCcpjjo30jX7MY2v97f7l2DHTBo6Wq6oxn2G/p5"
    "fz8B2U0Byie7k7x2Px7gRgdIkt3+NCKnSimVJMRAMbUrxl/HZRWTEAPF1K6YsBZZKcUkxE"
    "AxtStGfpI1hpB0b5kcGjc/7DotDSW1xYm0TgfYh/pyDUfjVFMpqu6dOOhbZH2r5PdLqrzl"
    "bLqZFnNMpkOu4dqCohhAxLJamVZVEywxhMCViRh39Mv00ieO/jI1Y2EQg+pyfjWmhpVEpu"
    "jtnNhmBotNYvdb1k+jitl09r5INaP32bWM3kMeWdcziiCP7CVqHfLIyhx1EIrTZeghFAfy"
    "yMQCtHoeWZNxDdd4vcTWDNt2RopU/IF+ftV5+qhke88WDXBAnth3Nlpi2aJxCOYjNtCrlU"
    "wrLbzuI1sxN1glL7NwBQIjomlL9N8+88WJb6hp0P2JTxC7IGbsAlW3RLXNtz4zjtuYVD1u"
    "v9MqI2Y5/ljEcvwx23L8MWU54m8bjdxNK9gQcckO2hDttRnSpqKFn8jKqGIqxiWBBxVZy0"
    "ADZe+j7SQEoKC1cFcWIAREgR66WAI3I5gKgJsRlJuBXot1zFiRey0ykoso7tIY0UDsbCIs"
    "fKZfhAsjj0uaQX66Wjjjh7JQ39OLMqJS6J42Rgx5KcZTkfn6ibyob5Hm2IgSFkizWStFrP"
    "LYsBpGLNGEMblCIuYB5PqIyZfReVGaLosJiZzbIwxfJjsOXm+cMpFGURGovZS8yQMBue9o"
    "Fp2jKERNuXa1QBUbqMdW6Beox+wdE6hHoB6BeuwU9EA9AvUomAqAegTqsZsAC049XpCfPp"
    "LXG5morsehHWPv9/MoR5Yvo/iPNtIJMNgi2VeEVoDCnGr9HGaP/X8K/2xSL3i+g3zeWdFG"
    "8Hl94FMldyzt4QFXTnKLiIuMeM8vEeJnuQVFGvxMt9/IO6zyiFEpo62BOkgeqhL7SjkVrD"
    "Ku2VxpgfMPK66Ht4XWw9uc9fA2vR4eTFmviDtHFEAvBDo547UnDtbnpqlj2cjwLOyEEigv"
    "iVRTW09wAB+XED2fTq9ipNj5ZbJc+931+ZjgzlAnD2lOhgGvrGTjAUuKa9m81Oa8i01KtD"
    "P+nCOTKN4eUUUFSUnQQDUNAGGfrZDuEvaQMt41rXO8c6mUcfxNc6SwLFvJDTct3KFyKUfe"
    "dcFhBg6zFwe9b4xX3YD48rAHgdcMvGbtBbSU1yy+A9SA7SwcqV1bRuH5yt00C7Q6iV73AO"
    "j9QHOux6XbnkTQNyxT11nxbs4hWaLTNHU6jneDdWgfiU1W28GbGoCakWG6BFHT3u7IxMrw"
    "d8en3h6Pd2LSF0mwCRJfHkwCEHJWluk+rJCM6HifkBxpjkP74ryiL/cDodd9VmKfl2VT17"
    "Bc3zt9mv34aAwI+OCFuSP3c3zw5JhzXM5OU8xFHEofsRFF6Bwq4yUejuaXv40HyJOmjSKu"
    "b67G8/EF7RSx3tBTTV0Y498v2Uv08MOqGB5j23StrG4h/CUSSojsuK/opay/jbcHl2Th+/"
    "IgB1Ld8wY3EpLinYiVePqEaAeJ+vYS82l/jLeBVkp+02r1xgi2xrqmY7L/ybZnhhTdOBNi"
    "3ds56z+hmDVR9qIcEQKSH/wrLYUeEpLAtSKYChpxrQQkyoGQJnMyOgpt5GyD3CRRc5OiDR"
    "cNXuO4MnT2eC1r+oyM077b4cnobEb/ZxDZgWtgD4W9c0TUnbAV7HfEKNHYCEAYC3Py93MI"
    "452+UjrIVEBUpEt3sPo6kpHdbyutNcN1eE2Csy28pJzI6PbkewdbiNF46+LpWE00fwNLGi"
    "zpFwb9ekMuWLgC/DFBUAFY0GBBdwLakha0tw3UAC+z4+aR8TqKb2LnjGF8O57Nby9HczCe"
    "BTWeQ7w41nMMzGzzGdPHpJ3y9gd/TQ2M1ti2yVeizb+o5ADJ5MfKhi2zHvayjuigfeRXSX"
    "61u0z3ETXUXyPz3g/qSgeB1T88167HsQA5KtYjUIcFWlSsuhssPeJtyuL/J4sn8iJ7yLhQ"
    "k1lYEuBRMzj4Z7t8g+chHKmAs3ctW4/Yod8gPcPziibE5I5YN2H3SnsLJ5iGg79xfAO/zK"
    "YTPtgRkWSQiqY46N9I1+zGjKPe3+5dg23ZaOlqOtG5/YZ+7N97x1cDhSimhmBqv7oe/p6c"
    "9aOr6blP+u4iUegA5ylCbHdIlNhl4lLdiytpJCLPP2lTMOdHaYVSEIcndIzW7kZVNbz7yG"
    "HEPVtZkWWsY7XkXtabjb6ML+6uaPT2boyF8d934zv6EvkGLv17Np5cXE4+D9j9l0wC9sqc"
    "/eksjLvJaHw7H9I6YmSDxZYj0yJis18vb27YuI/aZkNH+Xl4yT7onlyXRQkThwYONbsKvC"
    "lTYXOMCUIIq9Dbo7cLVFByXBK0LLKW7zVDo83VK6g5IQp6FlnPPr3F9XJlmw1xqQ6aDR8+"
    "FDEbPnzINhvoewmPokkVQ3SXkTuY4U6MSXUP6ndnRSw08lQOHZSy0Gx3+RfmRS7O8beMi1"
    "1EpAsg5+1R49/n+fTDbou6mk4+B48nOYlElppl8ao3ZuO9EwC0y6MNBRuzd5d2lu4rUrAx"
    "9BOVL9yXFIWSWVUDg6Bs34mAp47R0shHhGDKQxhiO6GHhD4IRxRMBVArsQ21EiGLr8EsPv"
    "7VvAacS9frE+ySUrhcYtIo2Y+z7afg1YBwwUJ/LcU2cu8VqT+eHwjq0Jgr7/zlR4r6D/SL"
    "RItGnt0bMPrFfGZxmmQXZe5sm4VvfkLOCqPZ9fwGbWTbfjYtFWk2woZibTdkZqBnzVkh8k"
    "3+SyEz7b/Yq2Y6XLTuwTnBopDwKcrNsI9yKgSunY20Mm3OYZBTHC0q1MGoz0Z8Kgy0jWlx"
    "kM6mBKIyXbKHagvjcHRbohsuf/oWaIMYkT9mHJQjW47jnRJlwqAm08mYQEu27oUxmw9v5/"
    "Or2QAFoy0M9mcw7smDllwbW2XbgEZluuBvOYILMTirpd1BXca7xZfuAvTHdnXdW+ZaKjvf"
    "Y0JdPEubCGtmoFWIUEjKdRDvRnYYC2/0Lbndl8E6KtOF3eQIMIOvPBv97vrKoblh17TOCW"
    "dM9QABR+WLDot4IdQTOCWbdkqWIcf3uC+nBp6b5D/NOi9POvPrcl3W7GbYVUzJcjNES6rs"
    "czMEtUkK+hl+0Yy/5DP0ypYNdWkSlbxGfoBxH32ZX18h8jqi2dC0PoTvM/jO9mtJ3JsueX"
    "e5RV8f8fZr2s9Q9+DcohT+ZOYVnQCvg5Beh5Kp34fkfIu28cfNyB/fF7Aif3yfaUTSt+KX"
    "m7L8E1BP5ainE+RriIbysXnVlbPWpaWpcvaMbNBjQgB7BdjpsVwa9pgQwA4JM0AHAQn4Ir"
    "VehAQUgYk6tXYhTaT70AMNCLkJYgFaiuDLmLrxFiqJfQR6uTcWmT1zNxsaweF91xRhGn27"
    "XyAqO3y8IGP6j5WJ1q7tIMN00AN20PNKU1aMtHyDyALDjLT0w0z6yDaRhb+3yeKj3dndDT"
    "Jow3VENkjZspGMliatRpbmTpv7GC6LGmzEDBX6D1sxN3j3D9YKGehVYY7Ufg69ulNhURJw"
    "J9AJi/0YVVuCtVEl5ngnLDLaveHV1QDJur4wroe3vxJTidZV3FUhXhhf7s4H1F2zMC5uL2"
    "8GKGjQcPqw43C/KrUHxcQ6UzDxyIZVXsPo/SvjwL7Rx1oad5PZ3flsdHt5PqalRG13Sd9e"
    "YrIohrcX0vmUVholi4PedLxjd2GMptc3V8NLWo1UMamDVqMlSa+Hk7vhFV1XhivrYiwfIC"
    "CzoW8nFVWEgARG5GUXzhAt2hq4qVOroBFu6qR1HgSb43WVeSDfA03urq5OlSk/dFUNEzVd"
    "YJuYBrKTwcvwHuvn8TOyL0B+6k6iRLclWf2exsHdm9YaBUN9Ql8JkPfaw1e0MslvQ5pjo4"
    "271DUFaardZwnwjvmIjVjiO7/fUt0fkEvLMDCBfxHm2Ojn8C/ZDZT2m0BtaKbUux7Ph8Ro"
    "wY68MD5Pp5+viLXzYJoPOhbDhIEguGaD4LwtLo1wbkclXwIaKsUswjoaKrHzpFr2N0e0E4"
    "vg2FFbS9nGkmuVYt2jMt3LkP1QaOP5kLPxfOBsPMBNATcF3BQwIuIb7IdGl+ia8XhgYElg"
    "cV+RoToEd9zh5Bo1oTTbGsqt26Wu8I1G4cQmVw7dE0y+AjzPbsrvJ3iGyMYPtB4nsonasE"
    "qbXssoQhRRImYlGw9YUlzLNq2vlG+h5Isu2w5aEXPDtLZIU9HGpR2g0KvPzH59naZ6mv0o"
    "Lunjf6A/JXZsGdA/wpyR/Rz6JzYZyikiJQpxCNV8anTpSd56rWAspKWhNZw4aRRpAwHMwu"
    "zl112zMHI0lrYO07JgJFbebP3rSvmONzE5UACkM7UDeiBIjhkyEjGGDkR1Fo7UUWDjO+p+"
    "bNV4LMaB+GZEeHQU6/QVojrZByzWiVmsALYcIiuCbAEui1qPUqDWvXxWNkhcfkj3ObUNtj"
    "RTTfFCYdQQqwzvmTd/AlskJFtEvuPDA+bwRDmNtkORTjjrmw4H8pdJCYRDie455t+dFcqH"
    "y0mHSyVcObLjZhRiL5AOt5M+YgMOsjPTPNleOcR7t3eTCUuE8+UXxuxuNBqPL8YXA2S7io"
    "KxitWF8fPw8oq+dC9ruhdVc/pVEDkLUprKJ8nikkCStYkku9cMjXqdKqg9IQoUuMgUuM01"
    "kXOoN+PITaUa9i/V1lGKYM4LocxEcvc8QJlOBl6bT6XAjEgAnEk4l7KjrDDnnpUJZ0QC4E"
    "x7LVjRlwpei6gcJFtWdVpgyzItzmzOTiIIJcRIIqCf15kkAvCmCrIuKLlXWgMRIYAeHNlt"
    "VQA4ssGRLYIKGnFkB16bmrysHYvqT0IbOdEgRqBOYCFGoE0xAk06v891U+Hmbnhv9PMc3Y"
    "q5XhNtOFtpSR8umLbxlT2Mra/IMJFuGg/YQitWoJS25kX+2+rXAX1/TQxt8sXtvveHwep/"
    "sAoamoVoPRSak2G6rHfUk4af06kbzX9cbs0OvxCz/yXCf6Y99uCbF9I3D3Hl2QrqrsvMX6"
    "Sl7ZC4HJgila1Af8OsqAALFHCoAqAvCfAfLwF64D+OyX9AX5LD+5JwjsmaZmnxMpptxTZ+"
    "PSiKL2czBnxz8FUFJDpG5pqRehyqI3irX4zsULzHG4jqz4zhp9YN/X8CK3kmfJ3YMCuvSI"
    "CmQnS/oAzCRraqOBRjYhBiUvU6reKNs0ojnxPH4D8P0VIpm7xkI+Dj9wDu9Zo9/7jUViO1"
    "JAl0Eu1fXRbvnRCAXhr0FuawPGm2ttRxSQ30frucXZ7Tis2+/MK4GU8uWFbLBhuq19zp8u"
    "JiPBmglaaq2FgYF+Or8ZwmtHhXOkEyWoCez4a+u/Q8VrVqSo8JQjaLyNksnm1T+tocE4Nr"
    "M9D/LQOeLqPytmIoBNCD56Ud0IPnBTwvYgFaxvMSULIHAnpjNpevJACikYNpP6Qhm31UX4"
    "tg972i0MYuukI1gxsFrpIZdmijaO8w4Dhd4g/1i7lf7OjzhbrAWeYz2tCwT3eJnJXsIK/E"
    "sspKeDPtDRCxlRU/2vPZtFR0r+kOtshfdAaTj0O6ttacPnmOH2ba4OfsjS+FSFJh7jT9HD"
    "/QTvVpJWTnu8aEIOU1n/OtkPJKF6HkL8IyeknKgWpqVw27O1DUJLYn8nn5HHs4LtoBf0iC"
    "Sy/UXOttTnOtt+nmWveaRZDz4GMnEOfAME0dywYfeK58AvolGaAp7HevHHf+n0+nV7H5f3"
    "6Z9DfdXZ+PiTqYMshDmpNBQrgbtaJDIy4JDg2B2e5UCyOgW4HzewnQA+cHnJ9YgO7j/E5F"
    "oRhPxLKQ/V/NYU8i7/eLxq2GMoVbrKmahYkpE5UlOD7T7Nj1kryCXr0dvH2NTAvJyF7Luo"
    "4eLNPd9NGz5qw0A5kGpnwIr6VanUPvD6YFUkRIUkSzJabVknZGVAzMixLmhaM5XrhYUVN6"
    "J9A5A/qskAF9lmNAn0F36u6bb0Xi0VizQL94RNVeg3Fx0H+b9B+s3eW2tC2ZEoWYNYhZax"
    "nwQKIAiSKCCoBEEZRE4Z+VNU3Uzkf6pK4IgkX7hPzNNWNuensIK/+pfnnaSvKpoULsVbYe"
    "ciNqlAS1xjYLxZ9j2W3WYo8lh4HUbDHZJ2Z4UbOkqtEWkYVsInH8q2kL7S9TMyrRMjFBsM"
    "pFUXohqzx6cpS2y9PCYKaAhdhS6P2LSTUVxIVBFWCsC2usJy/vB0KbdLN3FGLOWbcf6qTB"
    "c1RLvq1Ic/ZTkcJOftblhx7Hemev94vZ6/fk2cLhJZ49/52NLLwxLVZXXWapMH3kl1mj8R"
    "++a8yL/CAPkCurbRq8mJKDxytTlc1nBsPCL8nybI5skWG8mR7+CaXahOUDEgpLx0jsLwOU"
    "GELk5uy9m+lsPmDLY2GMptfX4wn5018nC4PYX7Ph5/EgWC7J5VYoSaH2gj/hIip3kY2KwR"
    "W2sjXhbZX8xZGZweZLiLwWqifhFMzCyU3DSYURtbAUmbnBRq/kBjS9oRXGqOTCuB3Pple/"
    "0QJjFrZN/QmrC+PicnZ9OZuxqmOavdZsG+qOib9CussoBjOzgtoTouAtENlbAJFEJ7teUL"
    "OtQt+XhCAE0QFT3wrogR6GWC6xAC0TyxXsukfnfwXbqotimzilhIrjuvZZHg79ex0SQEUY"
    "4KCLZiESuFSUViYVm/T7AMcqLMcKXQS4JhJ0EegI6C2k7qCLALB5L5DNgwrzpyQaIDpTGF"
    "UA3Qlk20uAHsg2INvEArRU4iTEth4rthUq0ZeBWNxK9Nfk/yym+qGSVUot9Uy/IMu5k5Mi"
    "Jbr3B73OVxjJrqo5SDcfBgiT2blF4WDIG6yPllskB6+bFnrlhbayemhk1t3fo1eujS365/"
    "DmEj3i7et0QGzDn1UhWBaIWWGJWTIZyCpm+uazVxnmcFysEm0l2MZ3hDphssI/xnNx1job"
    "R/m+CMTvsxF+nwJ4byh3bpxwG8K3q4asdickW7Rt40QNzh1Z43h4sntXhBJidK2gH9uZrh"
    "XgSsheHx12JbBLUNUsa540bIjAZrcMeGCzgc0WQQXAZreAzY6decC0FmRaORcFoQjXielo"
    "95qS2bci9n6/GNFqRGSOGVNqYUXbaNg7hYC3FJa3fCQ/nk/x7A+3C2RF5nl6t+Obqz9oWu"
    "xG39K0/Mn8cjqhafkGfSKdqE9emV6Mb4f+Yzu6P+keOA1bFGkJXXzFRITAMKoeccUqO1QI"
    "torKAf6tjngDTbCb/7dS/WSD5zsQDh/f3j8U8m19yPFtfUj7tioW1IVauv2Tc50BJoW6nQ"
    "DF/fIo7mrUNpxXQGm3EvgdB1ChIEVcEpQAfoV2QA9+BfAriAVouZIUEdb2qD6FtqKbPKkK"
    "+m7AZ1PGZyOgr+aG2Ac9jo+Gvd4v5puhNsYxfTL2RvYmVHbR5b1VmcPkDnDqCOvUaUOf6q"
    "OF7L4rxNK9y2Hp3qVZOqjDwmVloA5LR0CHOiztq8Oy0QwD885d09SxbGT4hndCCVUtiVRT"
    "utq9ctyVcj6dXsVWyvllcincXZ+PCewMdfKQ5mSwKrqpPJbGOhQCrEtgvcaqJhMbgLMdZa"
    "dpxITEyNSgn9edTA0/rEExXR5bsDccYid3PH7xh2bv/Gdv3//0/uO7H9/vrvq7V/Ju+JxI"
    "B/AQvkAPIdmvqik9Jgi+f5F9/6zrMU1FfqL0T8WuyQl5WOWiTAGomicmTwaRACcHnjHPpa"
    "GPSgH4EAHQDughAgAiAMQCtEwEwM5HeCCis2CcjmIaPZugJF7NTn9hS+LdWOa9xqBNO/79"
    "t/oFff/e4+V7Pe+GQP4QSDOQaWBEVvkn9JV5MTSdvP8V2fLW7qMNthD7eX30vDKRjbGNNC"
    "e3/3Odn8EJUEiFG8S6ofPiEVayoRIE/9xXIE/V7I0ubyWmmz7EKJz8Fpodo+CrNKWB7CCF"
    "UKKDUQr113BLroWiMCflOgj226J9h/PaDqdCQjQzDXNOhIL3OMQmlI5NkJ/InmJJgYevJJ"
    "OWFgY+rSqzoGvGYymv7E4APLL5y6KCRza8lZXRSFxKDLVASUPw5rbcz+Nu1Ipaj0uC1kXR"
    "OsfB63978C+d/CICLo7TQl+1ditHGFQB3ibwNrUY0DLephjxW89U7X7KKWfT5CN9Gh/JLZ"
    "Yz2wXt3usX85JYuFR3oKmBmSvCc2Swf+K1+ZfG/kXverQJjx+BnHaAlJbOdW0kemHE+jUk"
    "pz37mJR3AxwXQjou9vZG2Z8f1aI+Kb2b6Ww+YNN/YYym17SA5iBYBenqmclFdZpMqJP1VB"
    "HtSDmNSeBtZ9y1kRHCHgiIvBKEcewBo5gNfTu5pSKMInBLwC29SOiBWwJuSTAVALcE3FI3"
    "ARaeW6LxClnckv9evyi35D1fOASXXui+syMkEPmD1jZHS3xPZhOSDURzcdEr9t+VZjumxe"
    "srfdBIZep95VFQEBkLBJMQWxgQTHAZLW0XHLe+nWixnlDebtCdaGZg87InenfZPL9oy3Jb"
    "+gxJSkL0etVTBBhVYFRfAvRA4wGNJxagZWi83Xl3dA5PsEOyKLjJC4JQCfReWQgOe7erF1"
    "GEumPFFxqonJ+ug6+7D/uzzsndUGMfB4yamIwaU2MK/2y6IHheZN6sIl3wsQhb8DGbLPiY"
    "4grK5pd3OK/8rBAXc5bDxZyluZjoN0vBnE3JJMSAmSnNzLSrNTqt26C4duABK8PAX1zORn"
    "ezGWt4Ho6yMIaTyfRuMhpTSn42QLJhmC75sZSYtxfG+DfvZfzk/f3fd+MZbZpOXiLf2t6F"
    "bZ+erd+dzyllZp6/URGoUJ2uyE4j5G1JkQ3WxIhzt8mrg88TP2JF/OD+09qC+EAZZ8/07l"
    "LGkFLeNa0HGEFKuTA2JJDUQFKLpQIgqQUlqU9DoA6xpSmrHodB9d/p51GocvhMky1HS9Gg"
    "L4UDPdD6ymY3n4gtxbVuszm4iEgXabgPH4rQcB8+ZNNw9L1E1UGyqEog7D/eQXQbKZ5JQ8"
    "65bcezK9dFRI5ftq7584kHbm0F6lK3rWMeZv/5/+E1S40="
)
