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
        DROP TABLE IF EXISTS "community_blocks";
        DROP TABLE IF EXISTS "community_spaces";
        DROP TABLE IF EXISTS "community_profiles";
        DROP TABLE IF EXISTS "community_settings";
        DROP TABLE IF EXISTS "community_moderation_actions";
        DROP TABLE IF EXISTS "community_revisions";
        DROP TABLE IF EXISTS "community_posts";
        DROP TABLE IF EXISTS "community_flags";
        DROP TABLE IF EXISTS "community_messages";
        DROP TABLE IF EXISTS "community_notifications";
        DROP TABLE IF EXISTS "community_conversations";
        DROP TABLE IF EXISTS "community_comments";
        DROP TABLE IF EXISTS "community_conversation_members";
        DROP TABLE IF EXISTS "community_reactions";"""


MODELS_STATE = (
    "eJztfW132ki27l+pxZdO1qJzOk7SnevMnbUwphO6bfAxuKf7Dr0UIZWN2qLE6MUO58z891"
    "tVktBbSUhCQCHvD9MTg3YBz663/ey3/+0sLR2bzpveyvgVrzvn6H87RF1i+o/UO13UUVer"
    "6HX2gqvOTf6oujKUR7zmL6pzx7VVzaWv36umg+lLOnY021i5hkXY0z3kYnX5vaNZK6wjzc"
    "Y6Jq6hmm/QmJhr5C4wmnzpfX/24Udk3fM/6djIcJDjWvThT/yllY3vjW/81YX1TN6wj9Yt"
    "jX62QR72+ikeMf7lYcW1HjB9xKaf9c8/6csG0fE37IR/rh6VewObegJSQ2cD8NcVd73ir1"
    "0YD0Pi/syfZb9hrmiW6S1J9Pxq7S4sshEwiMtefcAE26qL2Se4tsdwJp5pBioJofe/bPSI"
    "/y1jMjq+Vz2TaYtJ+18geq2jKKPxVJkMporSyWgylIjBHrykWYTNAvpVHQ7AA/sK3/+fs7"
    "N37346++Hdjx8/vP/ppw8ff/hIn+XfN/vWT//xv0yElj8Ux2z4eTiasi9k0anmz0H2wn+4"
    "jOqqvhRXRoQ+//8M/v2FaovRD59P4U9/WBr/EO0iBYQvRBqIlschVLBUvykmJg/ugv559s"
    "MPBfD+1rvtf+ndvqJPvU6CPAreOvPfY3hH+PqLpQrCkUQzGB93kicQfndWAuB3Z7n4sreS"
    "8NLtSVmozqIKwHGZ1kH84/sSEP/4Phdi9lYSYn5YOFmAf5mMR2KAI4kUvLqhuejfyDSczG"
    "7d1G7R+du9RzSGIZp7hukaxHnDPu/vnT3BXwA3Q4iNvHScf5lxmF9d935Pa6B/Nb7gkFmO"
    "+2DzUfgAFyl10EObQaaoblYll/Qd11hisVqSkmnVBKJvwn+c4nZOf6DOLjLBCixQzXR4PZ"
    "hMe9c3Cf1c9qYD9s4Zf3WdevXVjymdbQZB/xhOvyD2J/p/49EgrcbNc9P/12HfSfVcSyHW"
    "s6Lqsc0ifDVELaF1U3VcxXNq6T0t24Dmg68si+JPRNEhJoWatvGT9VhLz0lJ0LLMWg734v"
    "laqWr/ZES3m0Ly6/aQxlCkBWYMV8Y/JlQLeelOzYNBzyiA+0ehGcpAzarhZ8vGxgP5Fa+5"
    "Kob0e6tEE9mfAS8zDYY5MRX8J5xj4avRArXV5w1nEp969LfTX4xd39bpTfq9y0EnZ4tpAN"
    "g7B5exjCTbVcrimtlSE+jSb4FGd1dXHT6B56r2+KzaupKYyewd68xKvbJ5NvvW8myZfkUl"
    "6gPHiP0Y9tXjk1pAQoaTPZ+CZPOlHP+YDykwexLvqF1g9o7G7Dmm91AF3/D51lFOH8uA+z"
    "Ef248ZaJl9ovyPRSrN34TQ4SZx527a3xe3tG9qD7ikfOjbxSVlrt75V5loesQ9mKlTPJD8"
    "+ddbbKoc29yrY+QrPbEpkHd7TCyhJV7Osb0jROwmd80HaitMmue41lJZ2dYK264h8idUAa"
    "zPh7vxR1tf4nuDGKFEG+HDT5g9vhNmAzZGWwGi77rUvmlgHfb9kdoK1MKb7wjSF2/eYnCU"
    "YENfGKvdcbrejNVWxPCTanocCIXdJu4N09x5mwpHvAgGbCt2K0x0OogSYbgjdDf+gBGCbU"
    "XOwQ9LepjFkFMcV91195/4o0bwTcIx24ihtsDao+W5ioMdZ/e51w+Gm/ijtRY1/3agzOm+"
    "xAbbDTN/sItorHZC5q12n158kLZCRH+i8UR/Ff0JO+J0GY3UcrCwrjR6XbsMh30Z9zbiGq"
    "6Jlw2YldFIbQXLsvWdKZ4xG6PVACmGi5dNoDSk47QVqZW6bmDN3fijtBYk29B2PQhv2Bjt"
    "BciiALGITjbaCitN8IM34aATPmar6UIKoO7tTBfe+KO0HCTmWdqdmvDH6un6uLW3+GAt2p"
    "g+phmm4RMTtrcrdreJAW+91gJo43uP6DujxQZpK0TBHPPdaTtfSv2dvh8M1lrMvPlm8F0B"
    "iw3VVrhCiovfKZrgVQOai18o2k2pBsg1h1mr4QpY/GZY+5aD1BzPFeDVfoorRE5bqORhV3"
    "Myg1qfj9pW7NhOxrAj9Nc3sJPRoUb0r7aixXhoB2sN3C++ePOJP1BbsTKx49DfTW1LFtG4"
    "I1xXfLCb2FhthGyJdUPdDajrcIg24rNSd97eb9T27uUMnoa2JwZTy/cnVWMkqGJ7O7tie3"
    "ykW6+9nlj/TtpQAIl/tWp5+EiImPFAFIPQh3e+XgWw0QGHpN/iO5ZOB1Y0dblS6U/d1dVP"
    "x+oHQ7UaL0xsyzQbMLIZYoPNYK3GzHHxzqEkdJwJHaatOOGlaph029+Zqx+wgSa4vXR9iJ"
    "Tr0qGaASsaqr2AuXi5onDsejZyxKbBWO1GzPFWK7uRe9gkGqmtkKmebmCiYfrxDl1NTYTe"
    "94IhL6MRW4+eaZDHhmC7okO1Hi9nTbQGwgFCzCZ0uJYFA1SqopJxim8/ZscETy36n7Ke8Q"
    "qn7YlUvkkyQ6ZKmgCLpU3eBGO1BKYaJXqCBO6cQj1RendxuR4lllDebNWef26KbHmsmNOf"
    "UMXnFKr4UJs7pwrKgHjLTPWuhCZCWZkr+nTG/xgNbs+R9Uy/zYz0Lq+Ho3Ok6kuDzMhk2v"
    "v553NEf979faec0hIVU97+WKJiytt0KY6oYgp7CyqmlF0v7aqYAnUij7gfRtCzs6oy9DEh"
    "gB5KdEpbotMLqmoepjjnqUIaW81iSPNrWVUyKCve+Tnqgtt+qI38ez77QVCW84Ve6DlfK7"
    "7Ri+HfCLSucOS7szKVI+lTBQ1hMrUj5S972ukcBN39tDNSHefZoltn1aY7GcFaeEtGH6UA"
    "//ChDOAfPuQDzt4Dg/NlGpyZq3f+tUYwPQ5bqlOydVgh9qqBDIr2V+tsJqKPXYRbGM+3b5"
    "sihCzHtIghWmxhJOIyyzQgNa0Hg6BAivX/VBEbx2/6OceqjW3kWo+YRA1Bkeogw3XCpqGi"
    "hqMNjQr2zonaO1y3la+LSanWWT5Qyh3uiU04JvC3lUFHq6H1pGQLtX4iWg4xge6PoOlz6P"
    "74MrQMTk1ZnJrggTthD1xQJKUjsJTDt7pFVrIWaxqx3UAeE4xW2HYs0kWPdGUTNF8j7pzp"
    "IlWzLcdB+Anba8RcwFlLuLo4mLwS7yldcPEdzcUHtm4++u2ydWv5RHgIDqvCaO+an9jSfk"
    "B7PZPzOnOJDumCLl4Fp3aildia4RbIlTzIL7FmqnReIhUxfevIHxGFI7LXqeLRUl0jB7vI"
    "IpyNDm8L6NVXX+DN3x7x+u9fX2fP+r18QmFIP30OIvpP43bwiAUNufPvBsHjMsfwS0OC09"
    "+NK128NgIthHcv8T8cICHA29NRQlmZse5MprfD0WeWc8KgnpHR3fUFy0+hv27OElQuxuOr"
    "QW90juaWZWKVzAi7G50jdmeckQF9/Bxh+nD6TDhOuoqVV/T2l8l4JF4SMZH0/djQXPRvZB"
    "rO3m5Dnb/de4TXl0JzzzBdgzhv2Of9vbPfO5IIcAZR4mocAv3quvd7Wgf9q/FF+s7LBrhI"
    "KST+NTNKmeJvOSdwSqwFsYpFhsng92kx8Bu75Go8+hw+ntYG2Iwv02aExC0ZiXbIHmoke+"
    "g4RLvfC0ZgwW+axOSb61Frmu2W+cRaUtuWAkkN5MAYRrqho1e8huWTgZ+7aOXZ2kJl0kEp"
    "Wc1arhhO+sw7++Hsx9dv0JRNV0QNcETNbZI1z/f3MYU2umYaftNS9l+q5LS9Hj3Jp4EWEU"
    "/hzdnSNM+2/bOICscEBA+kx/kT+AAp+YB8kyrneDoBM6qmyfq2lMn6tsBkfZs1WVNrosrV"
    "LyXawrvfidz1SsbOaNh4qhk8kxBtoaJbfMkPWHVDVC4wn+dISslBdbCPbQ3Vkb7uVDjiBK"
    "ItTBfcCz8LBu+xKpXEL9v1VJAUBlUA9yAV95A32RuCtn2BFkKEk4tcJpYnroScKoalwirj"
    "P7N08mHw/HcO6t9eIz96B9E7kaFjZBGcE1RZQa6QmvED8BKUSoI2ibE0/9uJ4KS/+cFhYi"
    "ydZlN+OcA5gC+YMuGEp9sX/8BvFBH2t69soGWko2WOHcR57IN7/2Gc94btuErVei1JKTAL"
    "SpkFPAmsKtIJIQC6XH0cClIlkDcC7QP43VmpPaNgy8gEflsece1K4XMxkfYhXAbgfHwz8J"
    "rGPdbW9DnWwfihdpyXYJgDBqwE3b6D6iyVQr/uLib92yEP94pGmZGrQe/yHJlY1VmA1+fe"
    "58Eli/F6YLfoGemPR78NbqfsNaqrJ2wzFyG5Gv/Ru6JC1lo1Z6Q3VW6Hk1/PkeoqtuE8Uq"
    "kvd7cjLrPwbIL19M32OOFi/Dqb0XrPttV1Dm0RCKT0+1JCxFjo0T//TG9SPHS7ChUdSQAN"
    "3TwNDYFfL9An5K30mlpPSoLWZdG6wAUsbFteh30H4r1JHwi4n8DncUqMfFmfR3Pujva7On"
    "bzcsRY2Kfdm9duglRbgnViUi68udJYZdMv3vx6M1ZbEdMWWHu0PLehvuX9YLgWVjpNJi6Z"
    "xhNmsZCNzrjLcNgXMfXoPmS4Jm6gIfcgGqmtYFm2HrTJqA/TmI3RVoBW6rqBmXTjj9JWkB"
    "y/N6hPse08nyZ8tH4wWGsx88nvvNzhat2ko6HaCpcfpkrv/LsuxcAs4PfVSThcGxFz8APb"
    "c5q7Rkz8Adt/gwiR0xYqeRAFvO+EWp+P2lbsgkS+lW0xynFH7K74YDexsdoImb9AG7KU/H"
    "nWcjspRMx4IIrBskb1XVdpABsdcEj69KW2IqfTgRVMbMs0G7jWXtLRBpvB2ooZjzmky5Ps"
    "WuluwAaa0HFajpS3iuJ0d7zYbkYqAZlkUUS5iFUKL49ZonTi0M9T8JNqehvgxOCOCZ5a9D"
    "8lLFN/1EFi0JYAHZ+ac8M02SANQBZYEBfRiC3Ea4ulVRmtsqbWqWBVMe3jizfvCNI92Mvd"
    "ojSPBTXt+RONNrGNEjAc03uAmpbyOJuZTF6yhPxNVw8Xk7uPsHK+FirgGz7fQnw/loH3Yz"
    "66HzPgQk0+qMkn3Zw/zSA9qMkn3bENMWL7jhErE8cEITo1gk3YT2gmvoSDsR2sU7HwUtWP"
    "dE/bOQrAH6WlGLFoROY1I7uz8X1/qFGLiXgHaw14/ulGNfEHaitO4E+s4R3TDXVXd1gwRB"
    "vxYQVod47naq8HX9U0ujgU29v5XtDjI916pa4FJ4kVuO7BdX9Q172mLlcq/akNOO77wVBt"
    "xQvc9tWQcvFyRaHYdTlytKbBWG1CrKbbPpyGrks/tRGPajAfowFbYkxWd6nGSBqxczXJ4h"
    "S6WdNxsk17XBe+qzfbLQAcrzIwuN0Cx6ttmbXr9ISyB/Rc+RO5ov+qcz3we7D50jNyPb4c"
    "3PamY/YSXTD0W1r01S/jyfQcLSy/Vsrxi+lYZG7RzZPFRbGIldpqEo1zQJURi+c2sLJGVf"
    "XG35v2/OJIsXFmZDhSbm7Hn28Hk8k5MiIOhZVTur65GgTllIKOK3Lo08X20lGYCbqq57QU"
    "DtCA71LOQ1R2V2WISaGvkk5a497Q+K2HTlJ8j21M12ilRgNFY0C9p+Kgghr1nuYqCeqppe"
    "4kfr9OsY4ioZRGWJfPfali88phUWcdTBOoXwzTsRq85+mrt1wF9CHDTdxG0ljX2AoTgrAF"
    "yrwFUlUpNladasFRSak2VN48dHDUX5ZRb20lBCE0SpbFViY0itn6Ve3pSAYCo6Bu2YlCX7"
    "dwH7TNgfDA/Z73zZaQC5jWHRENUnNaCmh0oEEbIlnbEGVCNYXNF6EQWG0nXUWHU5QjyzC/"
    "N0yzI/A6CZ7qFrfuDp9X5oFA6X5Oc898RM+24WL0SiXIWK4s232NqIo8rCP6Q9Zh6yYHqS"
    "6y6LqkOC38hk3fOSgodOL319ZUV+P9ur1Vmgve40fNiEdcw+SPRlD446KFRfWCCGsxZd3H"
    "R4s+in7uku5Aed2nUg62f8bOW2I4i6DLN/jdpPS7OZZna5VSHiOJAzpv/LWwL2p33+1eXM"
    "tVBS248q2B8HmZbYDOZoMINqj5mm4fhhPbxkr6u/yFcPb2/U/vP7778f1m/m9eKZr2WUMs"
    "cM7VYJySkkA5nRLlFD9sKqo9JQo0vsw0PjBcQKvIoIIDZF3u09DK1iQS2FnCwkX5Zla2et"
    "IeovxyrQ2KMRgZchoZfmFZf6SMGvIDTlJicsSYHKtF215iTHxlBUVYBUskXzdZSVBP4+rR"
    "VM+pZJtvBA5omuOwK8kpWuYcMMXG95VRDoXaEBJygMJPNqa/1KlnlqdlT8cw95t8o+AHsN"
    "BhtMZuSMJiHb26t2xkqg+vy1ElbTLkoLNh/no8TZpGoPZMHtwTtsPU2/K38ZjQ4cz3Hyou"
    "9bm3XPksKD0R7XW46D8hFWmmaixRQDM5yKKaRYbroNjvkusqHzsg2Vena20lsqByFZaSqq"
    "U02c7IhlnqECJmzlO72U8pqboT5g4CHKY8e2D26AvVVqNeYEIStCyzloGphljMl8gEgstA"
    "JpdB2RjDsDbCYSIMj7oU9htfuJNbJuhkFXlc/Jr+At9MzpPdIgdN2HQrFg+36UGwPRbuBt"
    "thiBlLT39G1r2LCVKJzv9a2dZy5ZprHkNGDVjze3YFQSvVXcQID8Ptcglm/mDbtmznTdr8"
    "2esHbfco5fqQQvSqnidJOThKGnIqmaqzmcm17tLCAeBKLfOVOrZxaZZHBCovWogiaWn5JC"
    "lXY7ISLQv+ixZQNV2I5UEb9bTBtzJTfVCWAgd7rg5SUhKzdB3L1HHMkWIQfvizH4DmLNAd"
    "uRYrs7I0ytbMaZjN4w60qvgnhSSG/2gkKQ+EzgW20IhPScLOUm9n4VfnvMM2/6RNSrUG/M"
    "Ymtn/3ZChlUc0vRpGUakPkwaGLUUQI1jYYYsJgLMhsLDANKNoCa4/1qpxlxU9G3x2ex8dY"
    "EecZ4xVaqA69O30f/Br6T5bF+oTRM/1Y69lB3opdoBbYLpmy06ppAm4a8A5IoIIjewcCln"
    "Jnx8AkGuekSM2y8CfZ3H37A/psx7Y8N+xYIHAEpB/pFnkAtODhRDuFvTW+pQ+vcPhRSpig"
    "AcWYZdiHuwXUelZxGWUU5IeLhFvYv/Xsw4cyYdIfPuSHSbP3UjxS0FyjLNjh8y3Et/nCx5"
    "4tSMLPt7aDx8HMrm5mM6+yJ2DsinaNUOKAqSvWCpPOiU5m6DmcD/1phs+XqXKwsg0NV7ZW"
    "41Jgru4WVQhMwdGgly6g88WoAkibfZM2UAzyUMGameO0AYhvwnFaCm78AiFTFZNgWl8Ypu"
    "n/zCw7lnyiW0iOBbNnHnu4TFTs94EgCgTpo5rrdJGNWecfj0WjWiTICgwf8QsnfArjXBFv"
    "BcuiWXUW2bIUBsXu63OqVFkJxlUCe40+F723tG0owSIppcd0k4H/EmvGUjVzqCVbFGWg+y"
    "JvAtF97XlVk2+X6l+WjehH+MHsOzEil4P+8Lp39ert++5ZqnNMaKm/z9Q3MN2nivgGEoBv"
    "KXw1z2bdptZVOKW4TBtYvFQxlDK1UPJLoaQBTm3sFWDOSh60qx8JOw2eHIW3si3d47dVAd"
    "4921bXeXROQi6F9ilUXAp/gsNvK2hueQ+LkpG7W6jsf/6ZAdm/ulaFOCZ1kgCbKgnQdbw5"
    "e2tOr4eutSeQ6acpVBjbT6JCx/l7R0awffv0xxLbxsfcXeNjZtOII1Y5MDdHGmLPs5Qjh+"
    "pfnkpcwxVcO4ohjssBuFlwCf62sbNruLAE4icTm/kiY3Gfqa4UehnHzwISoKihaVIQmppW"
    "aGpqOAr9GqLzuBDxuBjgXQ3vFcsQ0D0BpbwN8rgkoF4BdVVjkezsKrOqHKomkm3fBXQvgW"
    "q64fDbo7LCtiaMGy4kv0TiOzNhkmmhBAX2oQIDtoFMXYov/eUAj6RfIN6VKMfAbl6FdVLq"
    "NpXJHwburDLfWTXm8zXrhdglRUHPMusZChHnXyROM5JSoPZMIWII5oNgvpcYJAChfHLmX0"
    "J1RvmrM/Y5UdARhpnxd7rF4WXsmb1mXGosHQySLKXZbLsoPyJLq5jqp7U31e/H9yUIqh/f"
    "5/JT7K3kFeOR/i4xuAPiLTO7aALoUFZmoDs3g9v+YDQ9RwGBNiM/D38fXNLRjW9+Lb1j+6"
    "n976VY94LeSoVUVUryBdJUVWhBn88Tw1y0mSflJPZRd5YGqRZ7eKSKmBChuN8IRd2zN01I"
    "6+zrcflDJhlH36X0lB+P+oNzxCRn5HZwM+hNh6PP58jGK0x/Anmgu/34dvDb4JZ+IjXPnr"
    "BdZ8dvPqIxhFgxiLKkV/NFlXKYYmGJd6ajRc8EJTZq+TxFsu3bevbi8/TdxYJjtsi3Hwkd"
    "0K0fWlMn69WH6gb5E/00Ofky1Q2AkwcqWAYVHIUKbo6mvMQmPXLsANwMVxl/u1tEWOrRgy"
    "VbxPxjobpo7q1Z5qmKgiQP9GCrFNg3iDHSLAeV0I9Chu6gOTYt+qRr8WruWvC2bi0p5p/Q"
    "M/Y7ZTounXY5WbGH+MAdWsYAw3pMhrX1JOCXuwvlesCuVJMvw5tztPDmyhIv59h2FsZqRv"
    "rj0XQwmiq9fn8wmZyHE15RNQ07zoxMe9SodNWHOsbjWRnO9iyfsz3LcLbs29uWWYkUj8u0"
    "z4rZQ9WwYAawHVGcFPfLZDzKc0BkZdP3a4Puvv9Gp5Ah14TBw7BKXK0ztfPSZfJSd2Y2QL"
    "p2XrAey66A4PEWTv4ffigz+3/4IX/6/5BNIwe78gXaleyUqHoVi2RaxEAe2CUSJapXwz4p"
    "B1b9bpF2QKgAodIWQkWwuzSA6k00UkuBTe6o27Glp18DuH7xRzmto7IspNEFQULuD+sU++"
    "sNFdDJpwHTT3ZLMIL0GpykGkrSgz3GUKBIDAWXajRfM/bOs7WFyuQcxs+pLn3Nxk/WI+vy"
    "vLSesOPTc8/sLdbskcUJIXoLxHqWGNzvR+UGYcYjeGP7UxItiNCU58juFvCHSa3VsiAy4n"
    "CjAmviVBUA1gSkTL1MVYBhd0jDDuqfH67+OZjQezSh43f+3SHO2GktBVp4b5bJxh6w0n4m"
    "5m0uBYZ1/O1ukTWNowerxNeoKKwDv7BMHtSiqZ6DkXUfs2w/Id/JHy/4brg5ATS7jljJHA"
    "bjV5prTbfA+C2qA709fOYotaCjUOsqQTS9/nT42+Ac+dIz8vm2x5IvHihWPPvit/GvLK/O"
    "p4dqZdY1H8bBywg5dYoRxQVb6MQ+Ead1iEmh1xoTvY6KY2JQd0hm/ToWPVkrRbtFEgfcVc"
    "Pzv+K+WjPqp/lUcAj5yYe+vSE/UNSrbVoX7KmZol7gIpCBpwYXAbgIXpwqwEUALoJTQBhc"
    "BMd1ERyHsh7bOudlM2S1/0a3iKa22CN7LVuHv7nYJqrJgEvTw9FTGULZVDX/nv5nvAtp9L"
    "JAJuIlXculHxhVQw/qIdn43qMfrkMjU+ClG2NQVCOcFRXqu40uec2fFSY6r/hz0xte0j/p"
    "WIyV/vludOnT0v58Ze/fToe9q6s/lOjdlWq7hmqaayV67ufe8IoXilMNk/3d7436A/5KWL"
    "W8DsfdfDroUepp1VOw51TVb012rOGKWuk9sIK9kJI8nLFQuXPtaVSPSx8/lbQhED6iQn4o"
    "VMJmx2Kh1/dq2cJlx4k4jV8lqnCICcEWUoinSxkK3Gyxy2eFoyYlJnH+dcdYrizWdQb5N/"
    "lzXvzEYNEbaKHqaI5ZDcFah36pFO2zghTtM0jRbj9zD6W/JLSwgDiWRBVAHANxfAoIV261"
    "kTOpDRcvBfzNRSD286+32Myr0xwnLYd0nBZhnjQ81PUmKrg+TDf+KNJcRHfHaO8UOZ9UeT"
    "R5OOO2UOXKZoY3y5dniHH+aUBUS0pU/8tTWXy/gL/MVUBc5HC3qLf7VUNjVc/r8JTAUDZm"
    "JgR7W8U9JS4FhkF9JvJ4gW2S3Q0gru0FQA828SFtYiuMAdkR000sSUtBjZ9lcgZOSbZXNx"
    "A3Rb8CGt1dXR0rcCq0oQU2Ycy8zrcI45b89vzeMcFoaRG8RqwIFRNE97a1RBPetOecZeOq"
    "ho60BdYeLc9F9N5okCfL0DB69dXxO/vY+P4r+r+IuVoN/XU243dPn1EY4BWJFcR3BQ8FiC"
    "mGX23agFCs416CikKxNlrNaGFrA6pASub6+jWDdPbSeyp3cVRHXjiGxP5rudRwatGHNeIF"
    "Jnf9/mDAAwgdT9MwFsYN1o9BrBVqAPGFpxdfCIwdxBSCQuJuPaNWNGEkBhUdZA4lhNC1/A"
    "XX3tC1IzlGJFvHx9lRHW+++baVVSAQBk2Ah+Q0oYcATnBWSaYCCOCUCuGqmf+HdgtKdozu"
    "7BWMXFd5N5YGwJ2khmsnxoKbWmUvYaQCn9PYMbj2lg/Soj1jr8G1N7ah4Y7Iicrf6Ba6UN"
    "kjh4inTTsi2eeC//HY99x8/yMHMIN/OVdMKCu1I2Y8GiiMoDhHFqFz11jygsT9u9tbXhrC"
    "xswfwfRUTmn77i0NDhVwqNSe6ydC4TOnuf2kmnX3nbi8xD73zmXvj3Okq+sZ+cdg8Os5es"
    "b4cUaux6Ppl3MWPuQuZuSPQe/2HK1x6SIOiaXxscTS+Ji7ND6ml0YILMVauETyz+SMIKRe"
    "ZBgm26AA0ekguDTnM0sJIWmdh0cDlRjaI/93hfMyLnPA8/Iwh+VeykmkL/MVwBaISrxlyx"
    "QmFXXiSN1TLMvEKsm5qGyEUijPqdS+pnZoNR3Ws30xHl8lvJsXw9TNY3R3fTGgF3COOn3I"
    "cHMuJOBzzp/o7fU5Q6FzGXxu4O4EH5ukbG53Fx8b1Hw+VM3n2Dke5NsoDnYc+l13dE/0g+"
    "Em/mgtUkDyoqnr9LdbggSUSoVSfB32dHpbaCtScRfajnOrnT7HPfu/LNY7E+t+lt3gKS+n"
    "UPRct9g7FkgogbmKnyr0E8XzhWU9Il8GqSa7Ma8R/TTTwPonZBAH88qRBuFFIx36bSlYKn"
    "GYsWYRpDrsdcNG+P4ea64jaDC6l48ok23IP1FUUh7ceVK689Jqy6hiK1MTF5XZsScTVZPv"
    "RM2xYU7AcVoT37el+Me3Bfzj2yz/GO3PNRI/UrLA0ZwSRwMUAVAEMqigMYrgSBU4AgpBfF"
    "sO2YXCCzJ76GgNjOC2KeVts7Ln9eBe18PdK/fhd21/W4Wgi4Ll260rU3XvLXvJuipozIZl"
    "RXXS1vDRtBH/6hltTCnoYm2kxFoQcVB0vxz8Pk1cLUNEX133fn+duF5ejUefw8djGuhfjS"
    "/AE14J9AY94SvVcRWdntEryzTywlC3R+gJhjngvH+gvxtnJ3/0cnIP+nUwuDlHjxivZuTz"
    "ba8/OEf8URYn/Nv41wELEn6yHmt1d2k+Qph/taphZEmhwxlFP6WV8NPOV57GQscg6CMf6v"
    "YSCgtvXplPiGQgtR1iPU4CeiByDhnrQTeIBhD94o9yWrtJWTyjPXSHpFMqR+/0NkNiR/f7"
    "ZTRSiyZxylzlP5HeUxj2S7ycY9tZGKtmkMM6na7Xm0HbCiJmvURM3EAjoUE0UlvBSnXuqY"
    "9Vld5UJ7IfpvyZYTb2LvFWQdJ3G2cSD0nbGSAISIOAtAN41fwZlu9a28zArf41JZr32+PO"
    "eohvI8hdqC5aqms0x2hueQ8LF4UONvRsuAtWjN4fHtEHNyXpX6nE72WM5t5yJahxv4fxhf"
    "6/WKA0/0Bw/sljRnYLnH/An+UrqL38WX4OaHHKVG76JzA525YgZKxJowBgMYHFlEEFkLF2"
    "ZGDLZKxljs1GkG2X1Z/FNbooyBRAeYvpV9cM0+BW9K0ntPeyD3WLjD4nbOIUl1Jsr6wByJ"
    "qQJYXRippbbM3zf9D/GZb+iUdW2dYzWpmeg6hVpupPhmPZa2Ra2iOPe2DxVg5Vn4nFrc72"
    "8imFwaD+qGAKynMWdwtMwUBbGQ3khyhGEi2MBW0+6IceC3Y9Wzsp2UJb+0Rs6xCTQuP63i"
    "CGs6il55Qo9LiRWc82XqmGjQU7Zu6BFReBMnBgl4NdLqMKTjxNLKjHLjRtwkrt+fZMrCT8"
    "vnLENiYT+yRIFJNqUygyEDJ6q2AqiGRbaDTsp4Yk1Lo+dnO1gmbHuRbbwRscdzY9ijuHme"
    "zNdyIGb/RL9EaHbdirOkQTcjLvc1Ie9GB4geEllwr24xD1d4km3HbRSC0FNrmjymTUTrj9"
    "0Pcc11pyezJj3Kae6JZw2mnBw6VjNf3PQKEcMg3yiHXkWqwtEQraCn5CavSEoSOCn+g/lt"
    "YTdtiTKrF41GXwtChkc18fU8YqD4cEu1yqM6O73S6Pa66SpSKSBtu8nG2Ol6qR0wJJDPdG"
    "QOKCLjUBfndWpl4LfSq/zddZpl4LmIT56LfXJASL5LjGIPRQB+NQMhXsxTiEHur77KF+TF"
    "Nxgl2X/lh/yQlNxc0T3RKmohN/uISlyDD6zgktOVXjLRVZfaq1gzDR7PWKVXr3M+9Wqzca"
    "nWlv+KuWyCDccbTtLZ/BspPTssP0EusqVM/KRs1ZfeRXLcyTb4V1V3Td3UcBw2e/f4MSgF"
    "pLIUVjgFJqKIVN7YUhonfzTfC4TAsKee47bNlb6TUt8KQkWOCyWOCC8NZMUQo5LPAXcgfI"
    "GH1Vbs7bDMQxwVOL/mfP5uFRVbWfkM3dzJB4KRaREZIq1VJggqTrw+w5MDP+eSI30D8zZn"
    "MQ7fQnmBFymhFivVa4MuWP0Ipb6wEcReCkOyb2+eGb28ugHyOUs0Yo7XDUH1/fXA2mg3Nk"
    "EM1artjhNiPR68rg95vh7eAy/r6Cv61YRtKMTG+Hvavh6DPbIA3VpCqbkV5/OvyNjueX4Z"
    "+Rm95kqlze0VfC2vAzcje66Q3pmB5ZqQYdp98b9QdX7FM0BqfJxr7p3U3YKyvVc4Lo1KPH"
    "mv7LU1kxR0F1/NxTKS5yOLfG2/2eTc2VYvdsG5O8dgM5PtqYzAFNcc85UIj0uzIO8Xx3eM"
    "YUJ4ar1EkHSAlKm3t4KgkB9NOx/aTmRH5sP1Pi8gec90t6ZV9UnPmdy94f50hX1zPyj8Hg"
    "13P0jPHjjFyPR9Mv54iPOCN/DHq352iNVbvO5v6xxCr5mLtKPqZXSQiuookXSr7VkRGEXT"
    "4985e2XWsHSsqdxAbEK6PwCd5F6j2dGkg3nM3UkHVr8o9UV/GLcyi8dERV4jZvDChIIA9j"
    "mw2aSmkNE4GJWUnvwQigdam1zq0sRS3We2GXtbwhDthzbfPKyTZd41Zzve02JQrrTeb15i"
    "urxuaaEAQdy6xjiSp1gZb3fHLWyy1IioKeZdYz3XJrKTkuBxqWWcObTrWOQUQVeov1nJUG"
    "bcusbc3yVpU92Amh9uXe7cVvGtJdzCzUhDn0l1gzlqophlwknl5ZvvybYJzT00IB6JeD/v"
    "C6d/XqQ/csZTyG6nif7U4fQlaHYhUIS9zq9lRcPZCAmq+Q0wx/LZOACkHPbdN6maDnI/VF"
    "kuxMe3FtkQD/c1kC/l8u9JByL032BaTcQ8q9hAiXSbk/diswyY7S0oXv8juB0a+ARndXV8"
    "dtBXayuOZ0AotQzU91y9Rw3LWXeOn6jSeC9l77Ygeb6uCJQjZxVVdYSSP7ULcoky3cwTB7"
    "ngU8uCULatxElQyRSnTEB0BMv+doYT0j+ivWXXRv2I7/vqnSfzD72u9gvcIEOdhF1j2XcQ"
    "SNsvfyCYXZdumDkM9Wca7d5m129WHeCtWFZDtJk+1CPZV1TITPy5xcVNMp8faHMgUB6VP5"
    "1Qh+yBYErE6MHyGce889lw5soPJtr1Y/s0iuhUzo6TKfWcI7PFYqajgmBgqWWsHA7wG/9z"
    "JVAfwe8HungLC8JTUDBWyjASowABVs/761XHmsvuXKpma27RrYYWZ2rBVCl1rnFFv6P/qU"
    "RRDVCKbWuWOhJT1Eke2ZVMTRqJ0eCNABiLnOkgD7+6gZmZF/2IbrYoLma/SVlel08ANntd"
    "5wML6iV34LB/r2QiX660/oq43nnkFXjxZ8LyX6Xl9ZP3ceYOIgw6Xjj20d2w7itg56XtDP"
    "YfUYkGXT/6cSqmmukd9+D+tddE9fdxfYoP+1XNVExOcugu6Pn1jaI14jg45NUCxQp2Q50Y"
    "i18O+HrHyE4a6LaQs5T0lgNDo+W1fD7k4JgvVd7/qYWUO1bLSkPEQ4y2yrWWwvr1y+ICXV"
    "muXWXINxdtQpzkoYylx4uiQFpUX2VGJqfV7Qn691WcW4NOxmMu9m/Pypq+yMMOhaZl0HgR"
    "QCT33PttV1YQinqMaeaTh721w7f6PGjsa0hZiZ5RrEecM+7++dIyh68Pv0n39CSOYxTyjg"
    "CffNE1Zhr8oyijXKW+/AJ55OlevKbOJu1a59LqsjKnQdvNUtrHEdcGGlKMF8wAoDbvj3gp"
    "6m0uy33QLOif9/Bv/8KJrw+RZG0ZyViqI5K4iiOctG0cS/WQbm/P41KbEWdE/ZcidL3Lsb"
    "aVhjiCoHlasaGsrKPMk7l3+MetfD/jnS1/Q3G9qMUJtiyl5gbg72d3/8ZXw7PUeatbDssr"
    "UU99zkhjlusmr5ZTIeiRdC+HzaGjU0F/0blbRaTscOZUAUL4X0rO8mbUs2QHopMAwVl+41"
    "VXaghFAb6jgcegNy1QeBdZ4/08Pnd5rpJ2+f72UBLPFyXoPnT4tJS0cfj+i3jYcHbFeb5z"
    "GZE9jVO88L1UU80GChkgfMvPk8/AC9cjBGifiC8Ke9LnfWHnoZQIWN/IVxmrUWoMLGS9S6"
    "wEEgaVvBY+sXKO1jq+AAlHb6nucsjNWOGawBlXq9Ga9FyCevBPxO0zRafT5qWzHD3wxXse"
    "4V3d55nl3SIfrqcqXSrUCaG2+zaAV3YgCsLGCqpxuYHgWKaZDHHeHqBWNd0aHauhw3eDlr"
    "oim2RxrCbEKHu/XKzLKTga1S6kI8Llk1PY5alE4gxjf0EZc+MwaboTc5DS1Z0vX8urEbR7"
    "6HN3kt2errVVLXohKZIH57GhQIvkE9TcOO42dddBHfx3lxhnDtIbb26PvUnELuwnAQ/w6C"
    "vI8GBy7usBz5whNRDQVlHzKPgbdaOm/1XxbLB6pBZSQEgcmQhckow1+Fu1jVlZeUAz5jt6"
    "xqoJKOBr10qXovRhXA6h0yoT12Z9sR1VgkZEuBTR5uUCxAovDegxULyKNdyxiOEUNbxXxU"
    "YnTxdivyi+G4lr0+ZyX+7DViV3C/oh9WnzB6NtwFYs1/NdVzMHpl4yD5vhuUBDR0VgOAeK"
    "opqCLY8NhVMu1j2xRLs++i/EqDUD1QWktS1cQhueUCRCNpqUNEfxkPR+d8cczI1aD32+Dc"
    "XyDp5VQmFLTh3vF8ZYrhzwlBCQVkRrxm5Pm7sxLgvjvLRZe9JYBXsfF9ZYhDoTaEfB4gvr"
    "86FQUcFHBQYH2XOr6Bg5IFeuCggIOSTAXAQR0ZWOCggINiCqBzYET/6uTUqwzf7m4rV8nm"
    "EqFvlaSXxgQj9jgrp6iihTf/zqEIYvwG3ViOwbOZLL9Uo2PMTaoL5xPSbfXedZBqY2SQJ4"
    "O9gZFrbeIRMjzTvj6kDOFEPy24yvIP8qmmlcoCKIBWkpRWan3WcX98dzsZsJxiz3bwjFyP"
    "L++u6N90TXsmZjTTZDIeMZ7JcXyG7Pg5x67hipKOC1qFhAIyq6Iu11SKBXlXwIK8y7Igc0"
    "tfZwHOTy4On4e6BpXTilkEpicIwSy3x0TSB4SeH4gV8e9c3vZ+np77h+mM3NxdXA0nXwaX"
    "52jl0YPWWWBdjs1lczxnNJJ75MZFIKcY+sADwwpZqu3TeohRUZYqNXEqU4qRDDCJtUndJd"
    "YNtTL0cSloAF8Xe9+Erwx+QgzQr4u+g3nsRg1XXlwO8AdP3klAD+6jQ7qPAsp2R0S/+KO0"
    "FNDo/rYdz4Dt3h3SlCPitDbqssgmbghlfJ05MZB1JuwkGqyd4CbP/wS69Cug0d3VVSd7xW"
    "4A3OtwnHbiGrcpclAtU/pFWximTqe/4F5RIfe/ldtEcke1LWa/71gj4Yp7d25iY7XksEqd"
    "Pg9YCdb9joDd0KFat0VWqydRMbIgdqYIAguSJ05+XAG7bMQ1uD2s4LNteawIQeDs9/2cDn"
    "qF3zy8QbPOxFVtFy2wjWd0vFnnWnVcbGum6tCnZp3Xn9BSXSNNte01UglSo/oG2eCC/X5U"
    "rRADCCuQMqwAPNj7juMHNx648Q42nU/ToVPGjQcOHaBVXwL0QKsCrSoXoNto1TIkyib6Gh"
    "iUwxm6KS5FYOxm2ZZ8g9ePu1XiNE/Tbd5IoNsthfWCRQt19SQ5sroF9qXDqIZal/WkZAsv"
    "6ydyORdEW2Vv56wKCjsYalllKVloDy2zpsEOO5Idxg7HysjHhAB6MIFPFHqoEQBshGQqAD"
    "ZCUjYifWQ2AGg15uFUgY1dFaDiwkusuOCHgwlYok2cWD45tAlJ2x4GcY1dldEFvPABQd7K"
    "tFQd6+jeYJ0vPapCm3fCZGU46Rd9jSw7eBR/c7FNVBPd3V5lYx4aHLdCgANVI1BPclJPra"
    "+YMLzufR6cI2NJp/OM/Da8HIzP0ZOhY2tGeneXQ/oX63ZC//p5yCopsJWQXjZlwiKaT21m"
    "34T/W6ge8eKIy8islrqxJx8+lIk9+fAhP/aEvZcKlQiK33CgKmCdlmsh3m/Pinaczaw++y"
    "l/WrP3Uilgxv9gZb52hb6uohSwhFxrQn4OnYDnn+zKIxaUDMmf7CmxFpan3cfWEl6aFM82"
    "q6Cdlmsh3D+UDSMsjCPMBBJC3Fu+AiDuDfwtQPqfMvTANAPTLBegEPcG2XBygLVP1pch1h"
    "GQvvz1bhHny9S2lzDAYHNyTO8hE/0HXCtwrcfgWr+Mrwc3nG5dWEu84ozrpHc1mJwjRzWx"
    "MyP9u8l0fH2ONM9xraUcPCtfQkK15FAhwfMyq6KmVf6xjE3+Md8i/5ixxyF1ct/Ff6EirV"
    "wVaYGByoe+vQwUFFBtm9YFgd5QQPW4V2vgHYF3lEsFwDueMO94DDbtVPDeO51WUF0qhWgx"
    "uVaxvlQv6BiFdTQ3Le3R7yzFBvqEDJeXdHIW1jN9LQjv8ftPvWLdzd0FptJzvHboP1X/ne"
    "+coPKToEv6nj+rTADmKiAoocSUBKdot4AbhAJIDRdAyidbxWgenmCll4JvVVmQusRT4x3O"
    "T4HX21vTKWjptU90i/iBfbT0gmYchz4Gj5yvDciHd+fqTVAeIFMeyKvTgh7Iq0OSV6HFuS"
    "OkYWRNSyGNbaTbIYVWBqUwLdHK4Oh57ycKbV7ae5kmEfskEnucDrv1OLYZHjH2breIRvRJ"
    "NYWVbi/LIrpoaTkusgjmFd/RiuVNq/YDdj8hgyywbfBpg3TrmfCEata1HmnWcm4QzCg9vB"
    "TwhU2NKgwY9AfaZCsGf4ap2Zm0bSAK5SQKU2qsE/OTGkLmQKvOl7sL+l5/OmRd7WPtJGZk"
    "NL4cnHNefEb8oMMg4PCm16d/OCtVkySRO1pq1W78cTG489c2t5bCg77cUgllD0irEdW2re"
    "eK5Fpn1Lu9Hf+DAs+lZ+R2cHPF14GNV6Y0K4FVWsABznXUEZc/oErwE7bX9FSuqpTBb4Pb"
    "P8YjqoVwBKqYMY+Hti0eDz0ZfL4ejKYTpTf6g+5Z+GFJ75KOopJ1/L2rq/h7pkk3vNvx5V"
    "1/Sgda2ZbuaS6LrR6Ppj3+WlA+x5FD6fynZjX+y2Q8Em98G4F0MJyhuejfyDScvW1+nb/d"
    "e4QfMGjuGaZrEOcN+7y/H4HsZgAVk91pXrubDHBjA6TJ7mAa0VOlkkpSYqCYxhUTrOOqik"
    "mJgWIaV0xUi6ySYlJioJjGFaM+qQZHSLm3LQGNWxx2nZWGktryRFpnA+wjfXnENQTVVMqq"
    "eyMO+pZZ3zr9/YqurgWbbq7FnJBpkWu4saAoDhC1rBaWXdcESw0hcWUizh39Mh4GxNFflk"
    "FmhBpUw+nVgBlWCp2it1NqmxEem8Tvt7yfRh2z6ex9mWpG7/NrGb2HPLK2ZxRBHtlL1Drk"
    "kVU56iAUp83QQygO5JHJBWj9PLJ9xjVc4+Uc2xPsODkpUskHusVV59mjiuM/WzbAAfli3z"
    "lojlWbxSFYj5igVwuVVVp43UWOZq2wTl/m4QoURsTSlti/A+ZLEN/Q0KDbE58gdkHO2AWm"
    "boVpW2x95hy3Calm3H7HVUbCcvyxjOX4Y77l+GPGcsTfVga9m9awIZKSLbQhTtdmyJqKNn"
    "6iK6OOqZiUBB5UZi0DDZS/j54mIQAFraW7sgAhIAv00MUSuBnJVADcjKTcDPRabGLGytxr"
    "kZNcVHFD0meB2PlEWPRMtwwXRh9XDEJ/ul4644exUN+zizJiUuieNUaMeCnOU9H5+om+aK"
    "6R4TqIERbIcHgrRayL2LAGRqzQhDG9QmLmAeT6yMmXsXlRmS5LCMmc2yMNX6a6Ll6u3CqR"
    "RnERqL2UvskDAbntaJadoyhFTXlOvUAVB6jHk9AvUI/5OyZQj0A9AvXYKuiBegTqUTIVAP"
    "UI1GM7AZacerykP72vLlcqVV1HQDsm3u8WUY48X0YLHt1LJ8Bwi+RfEVoBSnOqdQuYPf7/"
    "GfzzSb3w+RbyeWdlG8EX9YHPlNyxjYcHXDvJLSYuM+KdoERIkOUWFmkIMt1+o+/wyiOkVk"
    "bbHuog+agq/CsVVLDKuWYLpSXOP6y5Ht6WWg9vC9bD2+x6eLBUsybuAlEAvRTo9Iw3ngRY"
    "X1iWiVWS41nYCKVQnlOpfW094QF8WEL0Yjy+SpBiF8N0ufa764sBxZ2jTh8y3BwDXluo5A"
    "Ermmc7otTmootNRrQ1/pwDkyj+HlFHBWlJ0EA9DQBhn6+Q9hL2kDLeNq0LvHOZlHH8zXCV"
    "qCxbxQ03K9yicikH3nXBYQYOsxcHfWCM192AxPKwB4HXDLxmpwtoJa9ZcgdoANtJNNJpbR"
    "ml56tw0yzR6iR+3QOgtwMtuB5XbnsSQ5/Ylmny4t2CQ7JCp2nmdBxsBmvRPpKYrI6LVw0A"
    "NaHDtAmifXu7YxMrx9+dnHpbPN6pSV8mwSZMfHmwKEDIXdiW97BAKmLjfUJqrDkO64vzir"
    "3cDYVed3mJfVGWTVPDCn3v7Gn+4+MxIOCDl+aO3C3wwdNjzvUEO005F3EkfcBGFJFzqIqX"
    "uNefDn8bnCNfmjWKuL65GkwHl6xTxHLFTjV9Rga/D/lL7PDDuhweY8fy7LxuIeIlEknI7L"
    "iv6aVsvo23D5di4/vqIIdS7fMG7yUkxT8Ra/H0KdEWEvWnS8xn/TH+Blor+c1o1Bsj2Rpr"
    "m47p/qc6vhlSduNMibVv52z+hOLWRNWLckwISH7wr5wo9JCQBK4VyVSwF9dKSKLsCGk6J6"
    "Ol0MbONshNkjU3Kd5wkYgax1WhswdL1TAndJzTux0ejc7m9H8OkR26BrZQ2BtHRNMJW+F+"
    "R40Sg48AhLE0J3+3gDDe6Cujg1wFxEXadAdrriMZ3f3WytIgnitqEpxv4aXlZEa3o9672E"
    "acxluWT8faR/M3sKTBkn5h0C9X9IKFa8CfEAQVgAUNFnQroK1oQfvbQAPwcjtuGhuvpfim"
    "ds4ExreDyfR22J+C8Syp8RzhJbCeE2Dmm8+YPaZslLc9+GtMMFpix6FfiTX/YpLnSKU/Vi"
    "WOynvYqyZig3ZRUCX51eYy3UXMUH+NrPsgqCsbBNb88EK7HicC5JhYh0IdFWjRse6tsPKI"
    "1xmL/588nsiP7KHjQk1maUmAR4MI8M93+YbPQzhSCWfvUrUfscu+QXaGFxVNSMgdsG7C5p"
    "XTLZxgERd/E/gGfpmMR2KwYyLpIBVDc9G/kWk4ezOOOn+79wjfstHcM0yqc+cN+9i/dw6v"
    "BgZRQg3h1H513fs9Pev7V+OLgPTdRKKwAS4yhNjmkKiwyySl2hdXspeIvOCkzcBcHKUVSU"
    "EcntQxWpsbVd3w7gOHEXccbUGXsYn1intZZ9L/Mri8u2LR25sxZuS/7wZ37CX6DTz292Qw"
    "uhyOPp/z+y+dBPyVKf/TnZG7UX9wO+2xOmJ0g8W2q7IiYpNfhzc3fNxHY7Vio/zcG/IPuq"
    "fXZVnCxKGBQ8OuAn/K1NgcE4IQwir19ujvAjWUnJQELcus5XuDGKy5eg01p0RBzzLrOaC3"
    "hF6ufLMhKdVCs+HDhzJmw4cP+WYDey/lUbSYYqjucnIHc9yJCan2Qf3urIyFRp8qoIMyFp"
    "rjzf/CosjFKf6Wc7GLibQB5KI9avD7tJh+2GxRV+PR5/DxNCeRylKzbVH1xny8NwKAdnW0"
    "oWBj/u5ymqX7yhRsjPxE1Qv3pUWhZFbdwCAo23ck4JljtDLyMSGY8hCGeJrQQ0IfhCNKpg"
    "KolXgKtRIhi2+PWXziq3kDOFeu1yfZJaV0ucS0UbIdZydIwWsA4ZKF/k4U29i9V6b+eEEg"
    "qMtirvzzVxwpGjzQLRMtGnt2a8DoF+uZx2nSXZS7sx0evvkJuQuMJtfTG7RSHefZsnVkOA"
    "gTzV6v6MxAz4a7QPSb/JdGZ9p/8VetbLho04MLgkUh4VOWm2EXFVQIXLorZWE5gsOgoDha"
    "XKiFUZ978alw0FaWLUA6nxKIy7TJHmosjMM1HYVtuOLpW6INYkz+kHFQrmq7rn9KVAmDGo"
    "1HAwot3bpnZDLt3U6nV5NzFI42I/zPcNyjBy15DrartgGNy7TB33IAF2J4Viubg7qKd0ss"
    "3QboD+3quretpVJ1vieE2niW7iOsmYNWI0IhLddCvPeyw9h4Za7p7b4K1nGZNuwmB4AZfO"
    "X56LfXVw7NDdumdUE4Y6YHCDgqX3RYxAuhnsApuW+nZBVyfIv7ckzw1KL/2a/z8qgzvynX"
    "ZcNuhk3FlDw3Q7ykyjY3Q1ibpKSf4ReD/KWeoVeOSvS5RVXyGgUBxl30ZXp9hejriGVDs/"
    "oQgc/gOyeoJXFvefTd+Rp9fcTrr1k/Q9ODC4tSBJNZVHQCvA5Seh0qpn7vkvMt28afNCN/"
    "fF/Civzxfa4Ryd5KXm6q8k9APVWjno6QryEbyofmVRfu0lTmli7YM/JBTwgB7DVgZ8dyZd"
    "gTQgA7JMwAHQQk4IvUehkSUAYm6tjahTSR9kMPNCDkJsgFaCWCL2fqJluopPYR6OW+t8js"
    "ibdasQgO/7tmCNP4290SUdnR4yUZ038sLLT0HBcRy0UP2EXPC0NbcNLyDaILDHPSMggz6S"
    "LHQjb+3qGLj3Vn91aIsIbriG6Qqu0gFc0tVo0sy53u72OELGq4EXNU2D8czVrhzT94K2Sg"
    "V6U5UrsF9OpGhWVJwI1AKyz2Q1RtCddGnZjjjbDMaHd6V1fnSDXNGbnu3f5KTSVWV3FThX"
    "hGvtxdnDN3zYxc3g5vzlHYoOH4YcfRflVpD0qItaZg4oENq6KG0dtXxo59ow+1NO5Gk7uL"
    "Sf92eDFgpUQdb87enmO6KHq3l8rFmFUapYuD3XT8Y3dG+uPrm6vekFUj1SzmoDVYSdLr3u"
    "iud8XWFfFUU47lAwRkPvSnSUWVISCBEXnZhTNki7YGburYKtgLN3XUOg+SzfGmyjzQ74FG"
    "d1dXx8qU73m6gamaLrFDTQPVzeFlRI91i/gZNRCgP3UjUaHbkqp/z+Lg7i17icKhPqGvFM"
    "h74+ErWlj0tyHDddDKm5uGhgzd6fIEeNd6xCSR+C7ut9T0BxTSMhxM4F+kOTa6BfxLfgOl"
    "7SbQKTRT6lwPpj1qtGBXnZHP4/HnK2rtPFjWg4nlMGEgCG6/QXD+FpdFuLCjUiABDZUSFm"
    "ETDZX4eVIv+1sg2opFcOiorbnqYMWzK7HucZn2Zch+KLXxfCjYeD4INh7gpoCbAm4KGBH5"
    "DfZdo0tMgzzuGFgSWtxXdKgWwZ10OHmkIZQma6Ldem3qCr/XKJzE5Cqge8LJV4Ln2Uz57Q"
    "RPDzn4gdXjRA5VG9ZZ02sVxYgiRsQsVPKAFc2zHcv+yvgWRr6YquOiBTU3LHuNDB2tPNYB"
    "Cr36zO3X11mqZ78fJSR9gg8MpsSGLQP6R5ozsltA/yQmQzVFZEQhDqGeT40tPcVfrzWMha"
    "w0tIaTJ40iayCAWZi//NprFsaOxsrWYVYWjMTam21wXane8SYhBwqAdKbTgB4IkkOGjMSM"
    "oR1RnUQjtRTY5I66HVs9GYuxI745ER4txTp7hahP9gGLdWQWK4StgMiKIVuCy2LWoxKqdS"
    "uflQ+SkB8yA05thW3D0jO8UBQ1xCvD++bNn8AWSckW0e/48IAFPFFBo+1IpBXO+n2HAwXL"
    "pALCkUT7HPPvzkrlwxWkw2USrlzV9XIKsZdIh9tIH7ABB92ZWZ5spxrindu70YgnwgXyMz"
    "K56/cHg8vB5TlyPE3DWMf6jPzcG16xl+5Vw/Sjao6/CmJnQUZTxSRZUhJIslMiye4NYjCv"
    "Uw21p0SBApeZAneEJnIB9UYO3FRqz/6lxjpKUcxFIZS5SG6eByizycBL66kSmDEJgDMN51"
    "x1tQUW3LNy4YxJAJxZrwUv+lLDaxGXg2TLuk4LbNuWLZjN+UkEkYQcSQTs81qTRADeVEnW"
    "BSP3KmsgJgTQgyP7VBUAjmxwZMuggr04skOvTUNe1pZF9aehjZ1oECPQJLAQI3BKMQL7dH"
    "5fmJYmzN3w3+gWObo1a7mk2nDXypw9XDJt4yt/GNtfEbGQaZEHbKMFL1DKWvOi4G396zl7"
    "f0kNbfrFna7/B+H1P3gFDcNGrB4Ky8mwPN476snAz9nUjf1/XGHNjqAQc/Alon9mPfbgm5"
    "fSNw9x5fkKaq/LLFikle2QpByYIrWtwGDDrKkAGxSwqwKgLwnwHy8BeuA/Dsl/QF+S3fuS"
    "CI7JhmZp+TKap4pt8npQFl/BZgz4FuCrS0h09K0lJ/UEVEf4Vrcc2aH5j+8hqj83hp9ZN+"
    "z/Kaz0meh1asMs/CIBhg7R/ZIyCCvVruNQTIhBiEnd67SOV+4ii3xBHEPwPERLZWzyio2A"
    "D98DuNPZ7/knpLb2UkuSQqew/tVV8d4IAeiVQT/BHJYnwzHmJq6ogc5vw8nwglVsDuRn5G"
    "YwuuRZLStMdL+50/DycjA6RwtD1zGZkcvB1WDKElr8K50kGS1Az+dD3156HutGPaUnBCGb"
    "ReZsFt+2qXxtTojBtRno/xMDni2j6rZiJATQg+flNKAHzwt4XuQCtIrnJaRkdwT0xtpfvp"
    "IEiMYOpu2QRmz2QX0tkt33ykKbuOhK1QyuH7pKJthljaL9w0DgdEk+1C3nfnHiz5fqAmdb"
    "z2jFwj69OXIXqov8Ess6L+HNtXeOqK2sBdGez5ato3vDdLFN/2IzmH4cMo2l4Xbpc+Iw0z"
    "1+ztb4UogkleZO0y3wA21Un1VCfr5rQghSXos53xopr2wRKsEirKKXtByopnHV8LsDQ03h"
    "e6KYly+wh5OiLfCHpLj0Us213hY013qbba51b9gUOR8+fgIJDgzLMrFKxMAL5VPQz+kA+8"
    "J+88ph5//FeHyVmP8Xw7S/6e76YkDVwZVBHzLcHBLCW+k1HRpJSXBoSMx2Z1oYAd0KnN9L"
    "gB44P+D85AJ0G+d3LAqFPFHLQg1+tYA9ib3fLRu3GsmUbrGmGzampkxcluL4zLJjl3P6Cn"
    "r19vzta2TZSEXOUjVN9GBb3qqLng13YRBkEcz4EFFLtSaH3h5MC6SIlKSI4ShcqxXtjLgY"
    "mBcVzAvXcP1wsbKm9EagdQb0WSkD+qzAgD6D7tTtN9/KxKPxZoFB8Yi6vQaT4qD/U9J/uH"
    "bn68q2ZEYUYtYgZu3EgAcSBUgUGVQAJIqkJIr4rGxoorY+0idzRZAs2ifib645c9PZQlgF"
    "T3Wr01ZKQA2VYq/y9VAYUaOlqDW+WWjBHMtvs5Z4LD0MpGbLyT5xw4uZJXWNtpgsZBPJ41"
    "/NWmh/WQapRcskBMEql0Xppazy+MlR2S7PCoOZAhbiiUIfXEzqqSApDKoAY11aYz19ed8R"
    "2rSbvaUQC8667VCnDZ6DWvKnirRgP5Up7ORnU33oCKx3/nq3nL1+T58tHV7i2/PfOcjGK8"
    "vmddVVngrTRUGZNRb/EbjG/MgP+gC9sjoWEcWU7DxelapsATMYFX5Jl2dzVZsO48/06E8o"
    "1SYtH5BSWDZGYnsZoNQQMjdn79yMJ9NzvjxmpD++vh6M6J/BOpkRan9Nep8H5+FySS+3Uk"
    "kKjRf8iRZRtYtsXAyusLWtCX+rFC+O3Ay2QELmtVA/CadkFk5hGk4mjOgES5FZK0w6FTeg"
    "8Q2rMMYkZ+R2MBlf/cYKjNnYscwnrM/I5XByPZxMeNUxw1kajgN1x+RfIe1lFMOZWUPtKV"
    "HwFsjsLYBIoqNdL5jZVqPvS0oQguiAqT8J6IEehlguuQCtEssV7roH538l26rLYps6paSK"
    "47oOWB4B/XsdEUBlGOCwi2YpErhSlFYuFZv2+wDHKi3HCl0EhCYSdBFoCegnSN1BFwFg81"
    "4gmwcV5o9JNEB0pjSqALoTyLaXAD2QbUC2yQVopcRJiG09VGwrVKKvArG8leiv6f/ZXPU9"
    "La+UWuaZbkmWcyOnxEp0bw96nS4wUj3dcJFpPZwjTGfnGkWDIX+wLpqvkRq+btnolR/ayu"
    "uh0Vl3f49eeQ622Z+9myF6xOvX2YDYPX9WjWBZIGalJWbpZKCrmOtbzF7lmMNJsVq0lWQb"
    "3wHqhKma+BgvxNlobRzl+zIQv89H+H0G4K2h3IVxwqcQvl03ZLU9IdmybRtHanDuqobAw5"
    "PfuyKSkKNrBfvY1nStAFdC/vposSuBX4LqZlmLpGFDBDb7xIAHNhvYbBlUAGz2CbDZiTMP"
    "mNaSTKvgoiAV4TqyXOPe0HL7ViTe75YjWklM5pAxpTbWjJWB/VMIeEtpectH+uPFFM/2cL"
    "tQVmaep3M7uLn6g6XFrsw1S8sfTYfjEUvLJ+yJbKI+fWV8ObjtBY9t6P60e+A4bFGsJXT5"
    "FRMTAsOofsQVr+xQI9gqLgf4n3TEG2iC3/y/VeonGz7fgnD45Pb+oZRv60OBb+tD1rdVs6"
    "Au1NLtHp3rDDEp1e0EKO6XR3HXo7bhvAJK+ySB33AANQpSJCVBCeBXOA3owa8AfgW5AK1W"
    "kiLG2h7Up3Cq6KZPqpK+G/DZVPHZSOiruaH2QUfgo+Gvd8v5ZpiNcUifjLNS/QmVX3R5a1"
    "XmKLkDnDrSOnVOoU/1wUJ235Vi6d4VsHTvsiwd1GERsjJQh6UloEMdltOrw7IyCMGic9ey"
    "TKySHN/wRiilqjmV2peuNq8cdqVcjMdXiZVyMUwvhbvriwGFnaNOHzLcHFbFtLTHylhHQo"
    "B1BayXWDdUagMItqP8NI2EkByZGuzz2pOpEYQ1aJYnYgu2hkNs5A7HL/6w3zv/2dv3P73/"
    "+O7H95ur/uaVohu+INIBPIQv0ENI96t6Sk8Igu9fZt8/73rMUpGfGP1Ts2tySh5WuSxTAK"
    "rmycmTQSTA0YHnzHNl6ONSAD5EAJwG9BABABEAcgFaJQJg4yPcEdFJOE5LMY2fTVASr2Gn"
    "v7Ql8W5s697g0GYd/8Fb3ZK+f//x6r2eN0OgYAhkEGQRjOgq/4S+ci+GYdL3vyJHXTtdtM"
    "I24j+vi54XFnIwdpDhFvZ/bvIzBAEKmXCDRDd0UTzCQiU6RfDPbQXydMNZmepa4brpQozC"
    "0W+h+TEKgUozGsgPUogkWhil0HwNt/RaKAtzWq6FYL8t23e4qO1wJiTEsLIwF0Qo+I9DbE"
    "Ll2AT1ie4pthJ6+CoyaVlh4NPqMgumQR4reWU3AuCRLV4WNTyy0a2sikaSUnKoBUoagjf3"
    "xP083kqvqfWkJGhdFq0LHLzBtwf/0tEvIuDiOC70dWu3CoRBFeBtAm/TCQNaxduUIH6bma"
    "rtTzkVbJpipI/jI7nFam67oM173XJeEhtX6g40Jpi7InxHBv8nXlp/Gfxf7K7HmvAEEchZ"
    "B0hl6ULXRqoXRqJfQ3ra84/JeDfAcSGl42Jrb5Tt+VEn1CelczOeTM/59J+R/viaFdA8D1"
    "dBtnpmelEdJxPqaD1VZDtSjmMS+NuZcG3khLCHAjKvBGkce8Ao5kN/mtxSGUYRuCXgll4k"
    "9MAtAbckmQqAWwJuqZ0AS88tsXiFPG4peK9bllvyny8dgssudN85MRKI/sFqm6M5vqezCa"
    "kEsVxc9Ir/d2E4rmWL+krvNFKVel9FFBRExgLBJMUWBgQTXEYr2wWHrW8nW6wnlLc7b080"
    "M7B5+RO9vWxeULRlvq58hqQlIXq97ikCjCowqi8BeqDxgMaTC9AqNN7mvDs4hyfZIVkW3P"
    "QFQaoEer8shIC929SLKEPd8eILe6icn62Db3oP27PO6d3Q4B8HjJqcjBpXYwb/fLogfF5m"
    "3qwmXfCxDFvwMZ8s+JjhCqrml7c4r/ysFBdzVsDFnGW5mPg3y8CcT8mkxICZqczMnFZrdF"
    "a3QfOc0ANWhYG/HE76d5MJb3gejTIjvdFofDfqDxglPzlHKiGWR38sI+adGRn85r+Mn/y/"
    "//tuMGFN0+lL9Fs7m7Dt47P1m/M5o8zc8zcuAhWqsxXZWYS8o2gq4U2MBHebojr4IvEDVs"
    "QP7z8nWxAfKOP8md5eyhhSytum9RAjSCmXxoYEkhpIarlUACS1pCT1cQhUNotvTFUYAbl5"
    "r1tEo/KJsqKPlQx8nC4wYjLfOYhJdZGDXTRfI5e+bq2Y5i0bvepfDVk8o8qece8te/m9qi"
    "8Ngpaeq7KRXr9BPT4MejboXPJc+qhNj7yUyvb7aTNiOMgifDAdr0xrHQRfBpOMfyR69fV6"
    "wG7iX+4ulMvBz727q6lyc9UbfS0bgQkssJQs8CpYGmWJyvD5FhKV787KxIyd5YeMnaU5Fr"
    "pMhT66ApJ9I9ECbvIAPDDDq7rtF0mB3XdKdp8c5scLOTUyxkeVu902Q2VM8NSi/9mzmXJU"
    "VTVmpDR3Ue5h29AWomty8E7hJVmNnmk0wmCXm+JLuSbu6KbIvwA+YdsRuoHyLykxkRZeA8"
    "8+fChzT/nwIf+ewt5Lleemi6oCwsHjLUR3L1XmWW4mFnXczS/xHBM5fH3n/R86InAbq+S8"
    "081g18PsP/8fvOg7WQ=="
)
