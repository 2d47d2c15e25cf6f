from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "report_data_versions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "team_id" BIGINT NOT NULL,
    "slot" INT NOT NULL,
    "version" BIGINT NOT NULL,
    CONSTRAINT "uid_report_data_team_id_8c3c08" UNIQUE ("team_id", "slot")
);
COMMENT ON COLUMN "report_data_versions"."slot" IS 'the writing backend''s pid';
COMMENT ON TABLE "report_data_versions" IS 'A team''s report data version: whenever a statement inserts, updates or deletes rows of a';
-- Every table a report reads: the teams of the rows a statement touched get a new version in the
-- statement's transaction, on the writing backend's own row (slot = its pid), so no writer waits for
-- another's; a commit only raises values, so sum and max of a team's values never repeat.
CREATE SEQUENCE IF NOT EXISTS "report_data_version_seq";
CREATE OR REPLACE FUNCTION report_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_data_versions AS v (team_id, slot, version)
    SELECT team_id, pg_backend_pid(), nextval('report_data_version_seq') FROM (SELECT DISTINCT team_id FROM new_rows) d
    ON CONFLICT (team_id, slot) DO UPDATE SET version = EXCLUDED.version;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_data_versions AS v (team_id, slot, version)
    SELECT team_id, pg_backend_pid(), nextval('report_data_version_seq') FROM (SELECT DISTINCT team_id FROM old_rows) d
    ON CONFLICT (team_id, slot) DO UPDATE SET version = EXCLUDED.version;
  ELSE
    INSERT INTO report_data_versions AS v (team_id, slot, version)
    SELECT team_id, pg_backend_pid(), nextval('report_data_version_seq') FROM (
      SELECT team_id FROM new_rows UNION SELECT team_id FROM old_rows) d
    ON CONFLICT (team_id, slot) DO UPDATE SET version = EXCLUDED.version;
  END IF;
  RETURN NULL;
END $$;
-- A TRUNCATE (of those tables, or of the versions themselves) changes every team's data: team 0.
CREATE OR REPLACE FUNCTION report_data_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_data_versions AS v (team_id, slot, version)
  VALUES (0, pg_backend_pid(), nextval('report_data_version_seq'))
  ON CONFLICT (team_id, slot) DO UPDATE SET version = EXCLUDED.version;
  RETURN NULL;
END $$;
CREATE TRIGGER segment_membership_changes_report_inserted AFTER INSERT ON segment_membership_changes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER segment_membership_changes_report_updated AFTER UPDATE ON segment_membership_changes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER segment_membership_changes_report_deleted AFTER DELETE ON segment_membership_changes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER segment_membership_changes_report_truncated AFTER TRUNCATE ON segment_membership_changes FOR EACH STATEMENT EXECUTE FUNCTION report_data_truncated();
CREATE TRIGGER segment_memberships_report_inserted AFTER INSERT ON segment_memberships REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER segment_memberships_report_updated AFTER UPDATE ON segment_memberships REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER segment_memberships_report_deleted AFTER DELETE ON segment_memberships REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER segment_memberships_report_truncated AFTER TRUNCATE ON segment_memberships FOR EACH STATEMENT EXECUTE FUNCTION report_data_truncated();
CREATE TRIGGER report_segment_snapshots_report_inserted AFTER INSERT ON report_segment_snapshots REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER report_segment_snapshots_report_updated AFTER UPDATE ON report_segment_snapshots REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER report_segment_snapshots_report_deleted AFTER DELETE ON report_segment_snapshots REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER report_segment_snapshots_report_truncated AFTER TRUNCATE ON report_segment_snapshots FOR EACH STATEMENT EXECUTE FUNCTION report_data_truncated();
CREATE TRIGGER orders_report_inserted AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER orders_report_updated AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER orders_report_deleted AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER orders_report_truncated AFTER TRUNCATE ON orders FOR EACH STATEMENT EXECUTE FUNCTION report_data_truncated();
CREATE TRIGGER payments_report_inserted AFTER INSERT ON payments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER payments_report_updated AFTER UPDATE ON payments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER payments_report_deleted AFTER DELETE ON payments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER payments_report_truncated AFTER TRUNCATE ON payments FOR EACH STATEMENT EXECUTE FUNCTION report_data_truncated();
CREATE TRIGGER subscriptions_report_inserted AFTER INSERT ON subscriptions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER subscriptions_report_updated AFTER UPDATE ON subscriptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER subscriptions_report_deleted AFTER DELETE ON subscriptions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER subscriptions_report_truncated AFTER TRUNCATE ON subscriptions FOR EACH STATEMENT EXECUTE FUNCTION report_data_truncated();
CREATE TRIGGER events_report_inserted AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER events_report_updated AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER events_report_deleted AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER events_report_truncated AFTER TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION report_data_truncated();
CREATE TRIGGER team_contacts_report_inserted AFTER INSERT ON team_contacts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER team_contacts_report_updated AFTER UPDATE ON team_contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER team_contacts_report_deleted AFTER DELETE ON team_contacts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER team_contacts_report_truncated AFTER TRUNCATE ON team_contacts FOR EACH STATEMENT EXECUTE FUNCTION report_data_truncated();
CREATE TRIGGER hubs_report_inserted AFTER INSERT ON hubs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER hubs_report_updated AFTER UPDATE ON hubs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER hubs_report_deleted AFTER DELETE ON hubs REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER hubs_report_truncated AFTER TRUNCATE ON hubs FOR EACH STATEMENT EXECUTE FUNCTION report_data_truncated();
CREATE TRIGGER hub_memberships_report_inserted AFTER INSERT ON hub_memberships REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER hub_memberships_report_updated AFTER UPDATE ON hub_memberships REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER hub_memberships_report_deleted AFTER DELETE ON hub_memberships REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER hub_memberships_report_truncated AFTER TRUNCATE ON hub_memberships FOR EACH STATEMENT EXECUTE FUNCTION report_data_truncated();
CREATE TRIGGER lesson_progress_report_inserted AFTER INSERT ON lesson_progress REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER lesson_progress_report_updated AFTER UPDATE ON lesson_progress REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER lesson_progress_report_deleted AFTER DELETE ON lesson_progress REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER lesson_progress_report_truncated AFTER TRUNCATE ON lesson_progress FOR EACH STATEMENT EXECUTE FUNCTION report_data_truncated();
CREATE TRIGGER report_ltv_predictions_report_inserted AFTER INSERT ON report_ltv_predictions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER report_ltv_predictions_report_updated AFTER UPDATE ON report_ltv_predictions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER report_ltv_predictions_report_deleted AFTER DELETE ON report_ltv_predictions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_changed();
CREATE TRIGGER report_ltv_predictions_report_truncated AFTER TRUNCATE ON report_ltv_predictions FOR EACH STATEMENT EXECUTE FUNCTION report_data_truncated();
CREATE TRIGGER report_data_versions_truncated AFTER TRUNCATE ON report_data_versions
  FOR EACH STATEMENT EXECUTE FUNCTION report_data_truncated();"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TRIGGER IF EXISTS segment_membership_changes_report_inserted ON segment_membership_changes;
DROP TRIGGER IF EXISTS segment_membership_changes_report_updated ON segment_membership_changes;
DROP TRIGGER IF EXISTS segment_membership_changes_report_deleted ON segment_membership_changes;
DROP TRIGGER IF EXISTS segment_membership_changes_report_truncated ON segment_membership_changes;
DROP TRIGGER IF EXISTS segment_memberships_report_inserted ON segment_memberships;
DROP TRIGGER IF EXISTS segment_memberships_report_updated ON segment_memberships;
DROP TRIGGER IF EXISTS segment_memberships_report_deleted ON segment_memberships;
DROP TRIGGER IF EXISTS segment_memberships_report_truncated ON segment_memberships;
DROP TRIGGER IF EXISTS report_segment_snapshots_report_inserted ON report_segment_snapshots;
DROP TRIGGER IF EXISTS report_segment_snapshots_report_updated ON report_segment_snapshots;
DROP TRIGGER IF EXISTS report_segment_snapshots_report_deleted ON report_segment_snapshots;
DROP TRIGGER IF EXISTS report_segment_snapshots_report_truncated ON report_segment_snapshots;
DROP TRIGGER IF EXISTS orders_report_inserted ON orders;
DROP TRIGGER IF EXISTS orders_report_updated ON orders;
DROP TRIGGER IF EXISTS orders_report_deleted ON orders;
DROP TRIGGER IF EXISTS orders_report_truncated ON orders;
DROP TRIGGER IF EXISTS payments_report_inserted ON payments;
DROP TRIGGER IF EXISTS payments_report_updated ON payments;
DROP TRIGGER IF EXISTS payments_report_deleted ON payments;
DROP TRIGGER IF EXISTS payments_report_truncated ON payments;
DROP TRIGGER IF EXISTS subscriptions_report_inserted ON subscriptions;
DROP TRIGGER IF EXISTS subscriptions_report_updated ON subscriptions;
DROP TRIGGER IF EXISTS subscriptions_report_deleted ON subscriptions;
DROP TRIGGER IF EXISTS subscriptions_report_truncated ON subscriptions;
DROP TRIGGER IF EXISTS events_report_inserted ON events;
DROP TRIGGER IF EXISTS events_report_updated ON events;
DROP TRIGGER IF EXISTS events_report_deleted ON events;
DROP TRIGGER IF EXISTS events_report_truncated ON events;
DROP TRIGGER IF EXISTS team_contacts_report_inserted ON team_contacts;
DROP TRIGGER IF EXISTS team_contacts_report_updated ON team_contacts;
DROP TRIGGER IF EXISTS team_contacts_report_deleted ON team_contacts;
DROP TRIGGER IF EXISTS team_contacts_report_truncated ON team_contacts;
DROP TRIGGER IF EXISTS hubs_report_inserted ON hubs;
DROP TRIGGER IF EXISTS hubs_report_updated ON hubs;
DROP TRIGGER IF EXISTS hubs_report_deleted ON hubs;
DROP TRIGGER IF EXISTS hubs_report_truncated ON hubs;
DROP TRIGGER IF EXISTS hub_memberships_report_inserted ON hub_memberships;
DROP TRIGGER IF EXISTS hub_memberships_report_updated ON hub_memberships;
DROP TRIGGER IF EXISTS hub_memberships_report_deleted ON hub_memberships;
DROP TRIGGER IF EXISTS hub_memberships_report_truncated ON hub_memberships;
DROP TRIGGER IF EXISTS lesson_progress_report_inserted ON lesson_progress;
DROP TRIGGER IF EXISTS lesson_progress_report_updated ON lesson_progress;
DROP TRIGGER IF EXISTS lesson_progress_report_deleted ON lesson_progress;
DROP TRIGGER IF EXISTS lesson_progress_report_truncated ON lesson_progress;
DROP TRIGGER IF EXISTS report_ltv_predictions_report_inserted ON report_ltv_predictions;
DROP TRIGGER IF EXISTS report_ltv_predictions_report_updated ON report_ltv_predictions;
DROP TRIGGER IF EXISTS report_ltv_predictions_report_deleted ON report_ltv_predictions;
DROP TRIGGER IF EXISTS report_ltv_predictions_report_truncated ON report_ltv_predictions;
DROP TRIGGER IF EXISTS report_data_versions_truncated ON report_data_versions;
DROP FUNCTION IF EXISTS report_data_changed();
DROP FUNCTION IF EXISTS report_data_truncated();
DROP SEQUENCE IF EXISTS "report_data_version_seq";
DROP TABLE IF EXISTS "report_data_versions";"""


MODELS_STATE = (
    "eJzsvW132ziSNvxXcPSlnfMono6T9GSdffYc2VYST9uS15K7p+/RHIYiIQttiuQQpB3N7v"
    "3fbwAkJb6LpCgJouvD9MQiCpSuwltdVaj6n87C0rFBT3s2+RUvO+fofzqmusDsH4knXdRR"
    "bXv9Of/AVaeGaKraRHnCS/GhOqWuo2ou+3ymGhSzj3RMNYfYLrFM3rqHXKwu3lLNsrGONA"
    "fr2HSJapyioWkskTvHaPSt9/bs4y/Imok/Wd+IUERdizX+LD6yHTwjP8Snc+vFPOWv1i2N"
    "vZuYjzt9i2eSf3lYca1HzJo47F3/+Cf7mJg6/oFp+Kf9pMwINvQYpETnHYjPFXdpi88uyO"
    "O16X4RbflvmCqaZXgLc93eXrpzy1wJENPlnz5iEzuqi/kbXMfjOJueYQQqCaH3v+y6if8t"
    "IzI6nqmewbXFpf0vsP6soyiD4VgZ9ceK0klpMpSIwB58pFkmHwXsq1IBwCP/Cm//4+zs/f"
    "u/nv38/pdPHz/89a8fP/38ibUV3zf96K//1/8ya7T8rgRm11+vB2P+hSw21PwxyD/4v0JG"
    "dVVfSihjjb74/xT+l3PVyUY/bJ/An/2wJP4h2kUKCD9Ya2A9PfahgoX6QzGw+ejO2Z9nP/"
    "9cAO9vvfvLb737E9bqTRzkQfDozH/G8V7j60+WKgivJZrB+LCDPIbw+7MSAL8/y8WXP4rD"
    "y5YnZa7SeRWAozKtg/iXDyUg/uVDLsT8URxisVnQNMB/Gw0H2QCvJRLw6kRz0f8ig9DUat"
    "3UatH5z5lnahxDNPWI4RKTnvL3/VdnR/AXwM0R4j0vKP2XEYX55Lb396QGLm+GFwIyi7qP"
    "juhFdHCRUAfbtDlkiuqmVXLFnrhkgbPVEpdMqiYQPQ3/cYzLOfuBOj/IBDOwQDXj69v+aN"
    "y7vYvp56o37vMnZ+LTZeLTk18SOlt1gn6/Hn9D/E/0f4aDflKNq3bj/9Ph30n1XEsxrRdF"
    "1SOLRfhpiFpM64ZKXcWjtfSelG1A88FXlkXxR6LoEJNCTTv42Xqqpee4JGhZZi2Ha/F0qV"
    "S1f1Kim00h+XW7T2NorQVuDFfGPyJUC3npds29Qc8pgNlTphnKQU2r4YvlYPJo/oqXQhXX"
    "7HurppZlfwa8zDjo5shU8H/DMRZ+up6gjvqy4kyiQ4/9dvaLsevbOr3RZe+q38lZYhoA9o"
    "HiMpaRZKtKWVxTS2oMXfYt0ODh5qYjBvBU1Z5eVEdXckay6unEVbDJvlmW1XQRiH/59R4b"
    "qvhBuaD3eFd91tOyPdAnzjq25bgKxY8LzOW2QutedMaG9MjvrkXrgBh41pkVGXCxoZh+tD"
    "hbJD9RTfVR/CT+bv6m9CjLYrpjY7CA7U4O+82U9+9zC2lz1WTfCr3MVRcRE6mCoD5HLw5x"
    "XWwid+5Y3uMcfWdvPuWP6Kl406mDNcvRv6PpEuFn7CyRbi0YYmnKe2dv2Ux5/2O1rUVMb9"
    "Zm/bkqmIrOP4Ecl5IcZ+qxnCrU4kpAZnq8w504HtvQf6IIs+FsIMsJfT3sI/7jkWrqgZ+n"
    "i1TKn5rJmVWGjfxQilL/UECpf0hT6sGkqaaW7K1DLr3g08dTFGyGp57NLXWdwe/7EU8D87"
    "6OGponhV3VYcuej2MFRSTEZNaGNPx7gFnWTrAR6MztoBzM+zlPirXI/7Js6Xk0rKlqIFJr"
    "kL87+1QCetYqF3vxLA6+jl22QFbyfkRE5HB/8NeC+wPcH5LypWXcH+JcpQQ7YWXGLksaSN"
    "O6pKmPJj8/1lRERBS0ANT1UUAP1PU+qev1OgHU9QZcU0tqDnWdu5s2gPA6GrbNGMfPD5U9"
    "BLukcMXakUHehmtKPm0ryM5SdG0+qhD7K/HG1S2gNyH2d7exv9TwHqvgG7ZvXVDqpzLgfs"
    "rH9lMKWm6iK/+2zGrsY1Rof4O48zC+3BX9smvy0cH/8ojDFvcXtj3luEMuLMvAqpkXlJbV"
    "QQL8KethV+ivPomiX3WLK096XQyHNzFS5eI6sS4PHm4v+vcn74QWWCPi5ph4QHXlD/t2UV"
    "0p67JUoEnkftkWMSZlz+6yDYFSASaHCsY5SrCI+UxcgcKWUHGz43rVWVvhWuDFFDsNQHUr"
    "OmorTJpHXWuh2I5lY8fdehpeiu7u/N6WV3hGTNLmUYaft4+M6z+3LBwuNr4s02Xnygbm4a"
    "XfU1uBmnvTLUH65k1bDI4SLOhzYm+P0+2qr7Yihp9VwxNAKPykOiNGVphEtWUq7PEi6LCt"
    "2NnY1FknyhrDLaG78ztcI9hW5ILouAhyCmXHzC3hCyLG1/CNwj7biKE2x9qT5fG4e0q3H3"
    "uXQXcjv7fWouafDpQpW5d4Z9th5nd2se6rnZB59vbDS3TSVojYTyTP7Fexn7AlTlfrnloO"
    "FtaVRo9rV2G3r+LcphNqe+7Wo83vpa0g8axYroEbuJXWX/fUVrAsR9+aBxvyPloNkEJcvG"
    "gCpWvWT1uRstVlA3Puzu+ltSA5RNt2/b7jfbQXIIsBxBPe8N5srDRBot6FnY5En63mVBmA"
    "urc1p3rn99JykLhrd3v+xu+rp+vD1po6wVzkV6pNjRjEZ28cb1vs7mMd3nutBdDBM8/Ut0"
    "aLd9JWiIIx5vsctz6U+iv9ZdBZazHzpqvOtwUs0lVb4Qp5QHGmaIJ8DrhAcaBoN+8cINcc"
    "Zq2Gq5msOC1MhpPlD2qMDAzwaj8PGCLn58ZpGrVL0WtbseMrGcfOZL++gZWMdTVgf7UVLU"
    "7WU6w1cL745k1HWGvz6cLAlLLfzWxLHlK8JVw3orO7SF9thGyBdaJuB9Rt2EUb8bHVrZf3"
    "O7W9azmHp6HlicPU8vVJ1TgJqjje1v7qnujp3muvu9o/kzYUZeMfrVoeYxMiRh5NhZis8d"
    "bHqwA21uG1edniM5amLmyV/cptT6NBN22HibPQxCbbm9chYPdhf61HrhlaIsSt5fSEzjpW"
    "GpqbV6yvts9PgRc2HcswGhhkHLH+qrNWY0ZdvHUYHOtnxLppK04i1S1bvrZ2ofV5RyPcXi"
    "9aiJTrsq6aAWvdVXsBc/HCZnBse2QViI2DvtqNGPVs22nEPBqte2orZPwuOzY1zF5P2Wxq"
    "4tpQL+jyat1j69EziPnUEGw3rKvW40WXptZAlE6I2Yh11+IYHZX9KG2pNJSbQ3TW8gwdPm"
    "CNJFPw8Wp3OgUePrfgVy8Uqs2xvj0Pex92OAr6aytyIV66ssJw20NH2OMKw9ZiFwQLBL+t"
    "gfOa3+HXVX9tR64h4yDAre3mgeE+KzOyLf9z4z5/Ia3lfThGzObh1R22n48MqrtVX21FLC"
    "g3h3/w/2uk2lxfdNVyvHjSYyjRV2fRp6Zq07nVUAznlUqM5Sjosk3Q/bNbITV2Kth/M085"
    "NPHYYv8pG/Ffga48kozmWSbX3MrK/lwdM9/qajdWU0c1s1KV1wTrIuyujYiRRmdkj7R8Nr"
    "JzfEYtw+pA8Qx2d0FfLYGJ7wIVqyBE0o7m1EOIJyYtroygJFKibq5pO3LV2QwJMayLsrHc"
    "0fFZlNd0rSdsIkIR/4g9tUzNL7RpmcYSMWsHjb713p59/IW3ecK2my5m23z3GcUb1uVpRZ"
    "fKXKVzv0RtZm1b8RWghK2kNR587aQUkJ8kfyXQwioP78/KFCJgrXIz5ItniRT5lpFThaBv"
    "eotUCZ0Y2KGszFh3hr8P+vfnyHph32Zi9q5urwfnSNUXxJyYo3Hvy5dzRPm6xJ4Nejd/jM"
    "bsqakaS+pOzNvhVf++Nx4yeb7Gsl/jFwCoXNzzlxKKe5dM2x4p7flLqoLEem2rMDviUjKr"
    "reYUab6EBJQxyIe+XWUMYgEeP2zCequh9bhkC7V+JFoOMdlQmFVjJ8laszsh2oCi5bRrWq"
    "HnoPh8DTXHJUHLMms5MCyVafUayylRKO1bzYSD0r4Hgp4TF1DatwIv192mtO96nWgA2HaX"
    "9k0tqdLVnA1C7XKY1nUg3gaWNRL8t5lh/X1OtDniBY8pmmLDMh+Ra6EX8amoZttFxAz+5v"
    "QKOlFFa7RQlxEBinmybMMXeZNmWnf3mkLGVdS8TnKtQK1KSa0C8XeUxB/wUfnQt5ePgkP1"
    "wewZvqdVhj4iBNCDPSOtPeMFJsh+LJljhTQym7MhPYwNI1DPsF5CbeTbLcIwKGWw5GOZYQ"
    "jAwV+WVbTo4H/omIrDqmD3ERXi/yvAG7bfnzHV6ewF3bOfy6DLWuWiK57F0bVVSl8stnRW"
    "jX1ICdbCWzIyLgH4x49lAP/4MR9w/iwZaeLaPMOgg3kpes1Zcq9nGvgx/pFnhuR10AYFFN"
    "mY/b+PY+ZlCPPJbe/vb2Im5s1w8DVsHlHL5c3wIksb2ORg1OEAMsTBpymzT1MozFCpK3Ik"
    "VbT/U7Lg1azt1eRY8pvXz9hZii0k6y7s30bDQYEuMuSTs49oLvpfZBB6hJopAJkDU7wWJp"
    "e9xFziHSTXQqBC8ydJu6jQFCmUb3BnDI9mspmUzWMi56TcnC6HH85YV1snRuZd9VlPbcWK"
    "8quxiZs19eFK3+lpIWSNlTeJ++WPbE0uObqayCfHGcCWJ9uOZ17afmi1NfvSrgnocJjl8N"
    "CRUVhMR8cSzW+Oo+khw3okJgqkkDVDfgSLf5twilUHO+tLhdS1HKwjlUZvEqbDZhrrFchx"
    "qe26fHJcnntVEtHkcKsKTDe4VQWcZUnOUlCOHq01vZOywE7LrGm4V/UatAwRcLJEwEG41h"
    "GHa136VZ87GZZy+KhbZCVrfqOSBvLQxMjGDrXMLnpiM9tc5dvpIlVzLEoRv9yxFHc70pZw"
    "dXEweSVeU7oFJi/Eg+02Hgxs3Xz022Xr1nJTinhtHhngbFvZiXtHIjvJkY2FgzDYlx51rc"
    "WdY7G9zl1e4RkxSV76vdy2xbu2kOIlsYUYxy2QK7mRX2HNUNm4RCri+taR3yMKe+SfM8WL"
    "m5sUu8gyBRsdnhbQyXdf4PQ/n/Dyv75nXBbdyRsK74mydnBN9DhOB08446p7/tkgaC7zxV"
    "BpSHD2u3Glg9dKoIXw7iRYXACUCfDmO86hrMxYd0bj++vBV36RmUM9MQcPtxf80jP7dVN+"
    "6/liOLzp9wbnaGpZBlbNicnPRueInxknZp81P0eYNU7uCWU01vzdZsvOiajJj6uMiGwVSl"
    "nvHsV/zjxT1JxAU48YLjHpKX/ff3V2e0baW4Rl9GumlJIf8Z8Qa8HFln2H+YPNmL8Itctm"
    "hFv+MhLtcNW8kavmhyHa+8/YzKTZ/QfdInMdP4d1gkpky7cWzLZlQDIDOTCGkU50dGKz76"
    "U8E/zSRbbnaHOVSxuYUoYSL7XHcdIn3tnPZ7+8OUVjPlwRM8ARM7fNjKz5O3tNoY2uGYRH"
    "OgtAuJLzU+iLYaCtiafw5Gxpmuc4/l7EhCMCGQ2S/UBGfjn5gHyTKmd7OgIzqqbJ+q6Uyf"
    "quwGR9lzZZE3OiytEvIdrCs9+RnPVKxs5omDzXDJ6JibZQ0S0+5AeseuZFq3yeIy4lB9XB"
    "X9saqiN53KmwxWWItiG1wT74WTB4D5qmOzhs11NBXBhUAdyDVNxD3mBvCNr2BVpkIhyf5D"
    "KxPFEl5KTwLhVWGf2ZpS8fBu1/oujy/hb50TuInYmIjpFl4pygygpyhdRMULMwSqnEaJMI"
    "S/M/nTWc7Dc/Ui7Gr9M44XXLAOcAvmDIhAOeLV/ihT8YIvxvPq3WL1V1MYr4sUebq+ZjQP"
    "UAcyMlc3PoOM9D7+27j/ScEYe6StX8f3EpsBxKWQ7inlhVpGNCAHS5fIsMpEogrwTaB/D7"
    "s1JrRsGSkYoNt7wwVU5ptmEt0j6EywCcj28KXoPMsLZk7RR2pH+sHQqW0c0eY1qoN+XIBn"
    "lJKkWHPVyMLu+vRUTYupeJedPvXZ0jA6s6jwH72vvav+JhYI/8oD0xL4eD3/r3Y/4Z09Uz"
    "drgX0bwZ/tG7YULWUjUmZm+s3F+Pfj1Hqqs4hD4xqW8P9wMhM/cc00/wefiIMnZCFbfBxK"
    "EoOKtWmWx58u2beZ9KQP8pF/lPGcD718dUg/xb3FuoCX9BL6CEzUrIsM9S+G8odJrXCVza"
    "ltm9KGz9lKp7jqMuczjdQCCh1tcSP8vjMv/xz+TxTNxrqeKnW0uAj655Hx1Exb5Ch7ln6z"
    "W1HpcErcui9YwNLJXfsa5rErySUMf5GKEHh/A+HcLN+YLb7wfezgUc8T+tQusT60mFFAer"
    "CP6WYB0blHNv2lw+42/e9HbVV1sR0+ZYe7I8V2kmbfZl0F3LU2ez30qeMQ8Ub3TEXYXdvo"
    "qhpxNqe+621RKu/F7aChJbrIlr4EUDC/+6p7aCZTl6UJWzPkxD3kdbAbLVZQMj6c7vpa0g"
    "8T5srPg85NbjaSR6uww6ay1mvm80L/tEJcAiXbUVLv+iAzOMtp2Kge0kDvWjsLs2IkbxI1"
    "9zmjtrjfwO23/MCpHzXY9No3Ypem0rdsFVcNuxOC+7JXY3orO7SF9thMyfoA2Zk/44a7kx"
    "GSJGHk2F8PAMfdtZGsDGOrw2L9lHbUVOUxe2ymFzsEZssv3J9jLo8D7sr63I6axjBZuOZR"
    "gNGARXrLf+qrO2YiaC+dnCZm6bZbbPOxqxfkogJWd8TymgPHt9RWZLi2DVU0sRM9xndsjA"
    "PNRke7hu3Oe7VV9tmoyV7sJFSA8209j7FPysGt4Ku2x8hyYeW+w/JUgQv9d+rNMWDs0pMQ"
    "zeSQOQBcbqxbrHFuK1waivjFZZq/5YsKp4R/WbN+1k3E3lH3eL7qTOvWm5q6j5v6jwAik1"
    "vEdIwC1P8AeXybu2WfWS21b322TbTfdwwU3MhQr4hu1biO+nMvB+ykf3UwpcSCAMCYSlG/"
    "PHGTQLCYSl27YhZnPXMZtl4gohZK5G8Bf/Cc3EewkwNoN1LBZeIlWj7mlbB5z4vbQUIx4d"
    "zB205vaOn0u/q0GLfT4UN8GRsoVqhFtHkILrektHrE7UbT2vQRdtxIdny986dLC9wSKqpr"
    "HJoTje1ueCnujp3it1LDhKrCBKBKJE9h0l0lBsSFthEiEhDWHFA0LajtdBwkGOGCkXL2wG"
    "xbarlkBrHPTVJsRqRjeEw9B12VsbcTwH43HdYUts7uqe5wiXle2DjpNdhd7oZOR6047pue"
    "8RT1eAAv+0DER3F+X7px3LqJ1YMZTdo4PPH8gV3Xyd275fV9eXnpi3w6v+fW885B+xCcO+"
    "pcU+/TYcjc/R3PJTPB0++6FlTi22ePLwMR7YU1tNWf3sUWWmJW4b8TyUVfUmno17fjbLSD"
    "8T83qg3N0Pv973R6NzRNZUE89/eXt30w/yXwZV9OTQp4udBVW4pW7X8+1mdgB5/ORJg5R2"
    "6bJBS2ZE85Nf2g6eYQezOVqpeFRRH5Cmrjj2okaauqlqBglwE2cSvwZ7to7WQgmN8Mrtu1"
    "LF6pP9os6r0sdQv7hOhrSIOvYn74QKWCPixk4jSaxrLIUxQVgCZV4CmaoUB6u0WgxZXKoN"
    "uYL3HUP2p0Xqza2YIESQyTLZykSQcVu/qj29loH4MUi3eKTQ1803CqUQIYpyt/t9s5kvA6"
    "Z1S0SDG0wtBXS9oUFpSVlLS6YiWjMLakP+wtpOuooOp/VVYo75jBhGJ8PrlNGqW+R6Wt96"
    "VqaBQOkanVPPeEIvDnExOlFNRBa25bhvEFORh3XEfsgyLMdJkeoii81LhtPcL8L5E0VB6i"
    "H20MFIU11tzkBHnp3kgnf4qonpmS4xRNM1FH6/aG4xvSCTlw21ZtHe1q9i712wFSivomjC"
    "wfaPyH5rEjqHcp6HPhp1C/xu1PIcrdLN0LXEHp03/lzYFbW76/p8ruWqGTVT862BsL3MNk"
    "BntUAEC9R0yZYPQiPLWEl/lz8Rzt59+OuHT+9/+bAa/6tPioZ92hALnHM1GKe4JFBOx0Q5"
    "RTebimpPiAKNLzONDwwX0CoyqGAPl1N3aWilUzdl2FmZ+Z3yzax0kqkdRPnlWhsMYzAy5D"
    "Qy/FTPfk8pNeQHnCTE5IgxOVRlyZ3EmPjKCiuyVtFNWhLU07h6NNWjlWzzlcAeTXMcFlM6"
    "RstcAKY4eFYZ5VCoDSEhe8iP5WD2S2k9szwpezyGOfuZDnVR8AN46DBaYjckYbGOTmaWgw"
    "z18U05qqRNhhwUZM2fj8dJ02SoPXUP7hk74Q3l8qfxiND+zPefK071qbewfRaU7YjOMpz0"
    "n5GKNEMlCxTQTBRZTLOIuBRFfpdcR/nIBsm/OptrdpYFlauwhFQtpcm2RzbMUocQcXOe2c"
    "3+lZKqK2FuJ8BhyrMGpre+UG010irGJEHLMmsZmGqIxXyNTCC4DGRyGZSNMQxzI+wnwvCg"
    "U2G38YVbuWWC2nJrj4tf+iDDN5PTslvkoAnL4EXi4ValGjbHwt1hJwwx49fTX5A1c7GJVF"
    "MXf9mOtbBdYyliyJgBa7zlRxBkq+48QngQtyskuPmDHcdy6GnS/NnpizZ7lHJ9SCF6VfeT"
    "uBxsJQ05lQyVrkZyrbN0ZgdwpJb5SB1ZuDTLMzNUXjQRs6Sl5ZOknI3xhL08+G89garpIl"
    "setFFPG2IpM9RHZZHhYM/VQUJKYpauYxk6jjhSiCk2f/4D0JQHuiPX4mlWFqRszpyG2Tzh"
    "QKuKf1xIYvgPRpKKQOhcYAuN+IQkrCz1VhZxdM7bbPN32rhUa8BvbGD7Z0+OUhrV/GQUca"
    "k2RB7sOxnFGsHaBkNEGIwFmY0FrgFFm2PtqV6Ws7T40ei7I+7xcVaEvmBso7lK2dnpbfBr"
    "2D/5LdZnjF7Ya60XijybH6Dm2Cl5ZadVwwTcNOAdkEAFB/YOBCzl1o6B0bqfoyI1y8IfZ3"
    "N37Q+45Cu25blhYYcMR0CySbfIA6AFjWNVJ3ZWH5g1tnH4KiW8oAHJmGVYh7sF1HpacSll"
    "FNwPzxJuYZnbs48fy4RJf/yYHybNnyV4pKAGSVmww/YtxLf5xMeek3EJP9/aDpqDmV3dzO"
    "ZeZS+DsStaNUKJPV5dsWxsdo50MENp5nzojzN8vkyWA9shGq5srUalwFzdLqoQmIKDQS9d"
    "QOerUQWQNrsmbSAZ5L6CNVPbaQMQ34X9tBTc6AFCpiwmwbC+IIbh/8w0OxZv0S0kx4LRM4"
    "00LhMV+zYQRIEga6q5tIsczCv/eDwa1TKDW4FhEz9xwucwzhWJirk8mlXnkS2LzKDYXb2n"
    "SpaVoF8lsNdYu/WzheNAChZJKT2umxT8V1gjC9XIoZacrCgD3Rc5DUR3teZVvXy7UP+0HM"
    "Re4Qezb8WIXPUvr297NyfvPnTPEpVjQkv9Qyq/geE+V8Q3kAB8S+GreQ6vNrWswilFZdrA"
    "4iWSoZTJhZKfCiUJcGJhrwBzWnKvVf3MsNLg0VF4tmPpnjitZuDdcxx1mUfnxOQSaB9Dxq"
    "XwJ1BxWkFTy3ucl4zc3UBl/+OfKZD9o2tViCNSRwmwoZoButSb8kdTdjx0rR2BzN6mMGHs"
    "PGclOs5fO1KC7VunP5VYNj7lrhqfUotGFLHKgbk50hB7nqYcBVT/8lTTJW7GsaMY4qgcgJ"
    "sG18Q/VnZ2DRdWhvjRxGa+yljcF6YrhR3G8UsGCVBU0DQuCEVNKxQ1JVRhXyNrPy5EPCoG"
    "eFfD2+Y3BHQvg1LeBHlUElCvgLqq8Uh2fpSxK4eqZcm27wC6k0A1nVBxelRs7GiZccOF5F"
    "eW+NZMmGRaKEGBfazAgK0gUxfZh/5ygK+lXyHelSjHwG62wzwpdYvK5HcDZ1aZz6wa9/ka"
    "9ULs4qKgZ5n1DImI8w8SxxlJmaH2VCJiCOaDYL7XGCQAoXxy3r+E7IzyZ2e8FERBJzPMTD"
    "zpFoeX8TY7vXGp8etgcMlSmsW2i/IjsrSKV/209l71++VDCYLqlw+5/BR/FD9iPLHflQ1u"
    "3/QWqVU0BnQoKzPQnbv+/WV/MD5HAYE2Mb9c/71/xXonP/xceof2U/vfS7FmGbWVCqmqhO"
    "QrpKmq0II+n5cNc9FiHpeT2EfdWRCzWuzhgTJiQoTibiMUdc9ZFSGts65H5fd5yXj9XUoP"
    "+eHgsn+OuOTEvO/f9Xvj68HXc+RgG7OfYD6y1X543/+tf8/eyMyzZ+zUWfGbj2gMIVaIqS"
    "zY0XxeJR1mtrDEK9PBomeCFBu1fJ5Zsu1benbi8/TdxRnbbJFvfy20R7d+aE0drVcfshvk"
    "D/Tj5OTLZDcATh6oYBlUcBAquDma8gobbMtxAnBTXGX0cbeIsNTXDUuWiPl9rrpo6i35zV"
    "MVBZc80KOjMmBPEWek+R1Uk70KEZ2iKTYs1tK1RDZ3LXisWwuG+Wf0gv1KmdRlwy7nVuw+"
    "XrhFyRhgWA/JsLaeBPz2cKHc9vmRavTt+u4czb2pssCLKXbonNgT83I4GPcHY6V3edkfjc"
    "7DAa+omoYpnZjjHjMqXfWxjvF4VoazPcvnbM9SnC3/9o5lVCLFozLts2J2kDUsGAF8Rcy+"
    "FPe30XCQ54BIyybP14Stvv+LjuGGXBMGD8cqdrRO5c5LpslLnJl5B8ncecF8LDsDguYtHP"
    "w//1xm9P/8c/7w/zl9jRzsyldoV/JdoupRbC3TIgZyzy6R9UX1atjH5cCq3y7SDggVIFTa"
    "QqhkrC4NoHq37qmlwMZX1M3Yst2vAVy/+b0c11ZZFtL1AUFC7g/rDPvbFRXQyacBky27JR"
    "hBdgyOUw0l6cEeZyjQWgwFh2o0XXL2znO0ucrlKOfnVJd95uBn64lXeV5Yz5j69NwLf8SL"
    "PfI4IcROgVhPE4O7fVVuEGY0gjeyPsXRgghNebbsbgF/GNdaLQsiJQ4nKrAmjlUBYE3Ala"
    "nXqQow7PZp2EH+8/3lPwcTeocmdPTMvz3EKTutpUBnnpulsrEJ5dnWO1lGdfCoW2hF+41K"
    "G83MVHUeMf/uPL+7ZWJkzZDlOchWlzypO+0ilaKRCOxFvEg1DxS3eJ4RRFx04v+xTvpO8Z"
    "sse3lHbylTITIAJKtC5LotL9bl+9/+GU06H9ssIPu8nJZ0Ws8pZWyMWI8LyxyXI1PMehju"
    "LyZ3zasCUdk9XpzpHC/qeSm6Nl/Ik904g9t4jY9zj+r7GeoN38djOz3Nu42XDfBaYo/w+p"
    "0a+4G4+Zvsx1FKtcZC4p8kf6JMGGOdKg6mPD0G69djL3LY388Ev3TRi2V2kWFRt4tOT1MH"
    "11Lj/qzMwD/LH/lnSaXg2Qxnmc3lYovX0lIriIfI89P1TxTZlkE07g7DJj/s+0fxOqpoOs"
    "lAUQWN/EjW4gIaEMS6fRDr2lhLqaU4zDIm2MIoyyOJqgwxKU6QyVblerG0UUFIjim1jiFg"
    "+hUGTENK1LZpPWOyp1KiBkRv9QCLmJzM7IWUtCkEWMgCPQRYQICFZCrYTeS8v2A3gOrduq"
    "eWAhvf3CB4RaJcvntz+Pd5LT8Di5Ge4fSPPu4WOf7xumGVhBoqCgu/zy1DZLHQVI8K//w6"
    "lP0z8m/1Ryu8EzcnY8a2PVaKf4dod2m22W6hjz7f0bCZ0z5I8ed1brUqvHbvcnz9W/8c+d"
    "IT8+t9j2dbfGRYsb+GA+Xb8OaKZ19U+OTgCRh/G/7KU+v6N0Rq8d7NZ3IQlYRonXpEUcEW"
    "GujHa5CneRhs6nVUHBEDdlVm/VKL7bWVEt6sJfa4zoYngl15p3btQwcSOx/646QzgcR+jV"
    "ovRWLDLUEJmFQgsYHEfnWqABIbbgkeA8JwS/CwtwQPQ2IPHV0wtSn62n/QLSKuLd5kp5Xr"
    "8A8XO6ZqFN8BS1HMhqqtzulrCtK1XNbT+kJFUOvIwTMeWiw0w18TvUYW6yn5mvI9wwU0IL"
    "ebIl1UUvVeSOeuP7gSlYJsbOqiTtBd7/qK/cn64kT2l4fBlc9k++OVP78fX/dubv5Q1k9t"
    "1XGJahhLZd3uS+/6RpSXU4nB/77sDS774pOw1nkdWrz5JNJw7yeNcsP3fpJrYAUTIyG5P/"
    "vi54oT6UhuuWVsbFUvHMaED6iQnwuVsFqxeMK2mVq23Nlh8lRFjxJVaMeYYAtZx+NlGTM8"
    "c5HzaoWtJiEmcdb2DlkE2R38w/+5KJlCRLKHuaqjKeaVB2tt+qUSu58VJHY/g8Tu7Sf7oW"
    "CYhBYWcM2SqAK4ZuCajwHh7YJ6I/SZixcZ/M1FIPbl13ts5FV3jvKc16yfFmGeFda/JUzl"
    "Q/rlDAxLY7RzVl0MqjxmPRxxG9h1ZTXCm6XYU1y6eBsQ1ZIS1f/yVH5JIIO/zFVAVGR/p6"
    "h3u1VDY7XSjyUVV0sZymBtq7imRKXAMKjPRB4uFk6yswGEwr0C6MEm3qdNbIVhI1tiugo/"
    "aSmo0b1MzlgrydbqBkKt2FdAg4ebm0PFWoU2dIZNGDGv8y3CqCW/+ZLw0MRoYZl4iXjpKi"
    "6IZo61CHJ1n/MrvSrRkTbH2pPluYidG4n5bBENo5Pv1E/y6+DZd/T/I+5qJXpGfvAdvaNM"
    "dnAmVhASFjRaXdP3a1QTCMU67CFoYy5wrtWUFjbmog6kZM6bWTNIZ5fZv9OTozrymX1I7L"
    "+WSw3HFn1YI15g9HB52e+LAELqaRrGmXGD9WMQa4UaQHzh8cUXAmMHMYWgkKhbj9SKJlyL"
    "QRIImUMJIXQtf8K1N3TtQI4RyebxYVZU6k1X37ayCjKEQRPgITlO6CGAE5xVkqkAAjilQr"
    "hqsoB9uwUl20a39gquXVd5J5YGwB0lumsnxhkntcpewrUKolV760fXRgoEt2TViI1Tn/jZ"
    "EqN70UmbINqpr9khGu5keZrFg26hn5k32UfQcdJby98LTtpDGwP5TloBYAr/cv6qUFZqb9"
    "Vw0Fc4i8PzPLOxSxaY+6YuH+7vRf4MB3OnDddTOaXtONkzeJ3SKL9Sr1ONsX4kfg4eWeA8"
    "+5V666w7UXmJAxM6V70/zpGuLifm7/3+r+foBeOniXk7HIy/nfMYK3c+Mf/o9+7P0RKXzn"
    "SxyyqrIbAM68wpkr8npwThfkqKhnMIA4gNh4xDcz79FhOS1sN6MFBNoj2Jf1fYL6Mye9wv"
    "97NZ7iTnRvIwXwHsDFGJl2yZYsnWNU8S5xTLMrBq5hxUVkIJlKdMaldDO7Sa9uv+vxgOb2"
    "Iu4IvrxMlj8HB70WcHcIE6a0TcnAMJOObzB3p7HfOQQF4GxyT4hMERKSmb292q9Cbk0t5T"
    "Lu3IPh5cSlIoppR91y3dE5dBdyO/txYpIH7Q1HX2262MWzqVssn4Ouzp7LTQVqSifsYtx1"
    "Y7HbM79n9ZvEop1v2riP3nvIuXWe26xd6xQEIJzFX8XKFyK57OLesJ+TJINfiJeYnY2wyC"
    "9c+ImBSL9JrEFJk1Kfu2DCzVpNxYs0ykUv45cRCezbDm0oxSrjt5RZkrmeKNWan6wZ0npT"
    "svqbaUKjYyNVFRmR17MlE1+U7UHBvmCBynNfF9V4p/fFfAP75L84/r9bnG7ZiELHA0x8TR"
    "AEUAFIEMKmiMIjhQmpKAQsg+LYfsQuEBmTc6WGEoOG1Kedqs7Hndu9d1f+fKXfhd2197Ii"
    "g1Yfl2q22o7sxyFrz0hMZtWJ55KGkNH0wb0a+e0saYgZ6tjYRYCyIOis6X/b+PY0fLENGT"
    "297f38SOlzfDwdeweUQDlzfDC/CEVwK9QU+4rVJX0dkebVsGyQtD3Ryhl9HNHsf9I/vdOD"
    "341x/H16Bf+/27c/SEsT0xv973LvvnSDTlccK/DX/t8yDhZ+upVgmc5iOExVerGkYWF9qf"
    "UfTXpBL+uvWRp7HQMQj6yIe6vYTC3JtW5hPWMnD/H2I9jgJ6IHL2GevBFogGEP3m93Jcq0"
    "lZPNdr6DY3c7HBzvQOR2Lb27nrnlo0iBPmqviJ7JzCsV/gxRQ7dE7sZpDDOhuut6tO2woi"
    "5gVXDNxAtaX+uqe2gpUob1QfqyoFvI5kPUz4M8Pb2NvEWwWXvts4kkRI2tYAQUAaBKTtwa"
    "vmj7B819pqBG70rynrcb857qyHxDKC3LnqooW6RFOMppb3OHdR6GBDL8Sd84z9fveINVzl"
    "7T9RTb/gM5p6CzujEMAO+s/0/0UCpcULwfknjxnZLXD+AX+Wr6D28mf5d0CLr0zlXv8EJm"
    "fTFIQba9IoAFhMYDFlUAHcWDswsGVurKW2zUaQbZfVn8Z1fVCQKYDyHrOvrhGDCCv63su0"
    "99KNukVGHw0rXUWlFMcrawDySm1xYWQzc4vPefEP9j9i6Z9FZJVjvSDb8ChiVpmqPxNqOU"
    "tkWNqTiHvg8VaUqc/A2fXgdvKWwmBQv1cwBeXZi7sFpmCgrZQG8kMU1xItjAVtPuiHbQtO"
    "PVs7LtlCW/tIbOsQk0LjekZMQue19JwQhUJAMuvZwbZKHJyxYuZuWFERSAMHdjnY5TKq4M"
    "iviQX52DNNmzBTe749E0kJv6s7YiuTib8JLopJtSgUGQgpvVUwFbJkW2g07CaHJOS6PnQF"
    "uoKK0LkW296rQHdWhZw7+xnszZdrBm/0a/RGh7XqqzpEY3Iyr3NSbvRgeIHhJZcKduMQ9V"
    "eJJtx2655aCmx8RZXJqB0J++HSo661EPZkyrhNtOiWcNppQePSsZr+O1AohwxiPmEduRYv"
    "S4SC2oufkbpuQXRk4mf2j4X1jClvqZqWiLoMWmeFbO7qNWWs8rBLsMul2jO6m+3yqOYqWS"
    "pZ0mCbl7PN8UIlOSWQsuFeCUic0KUmwO/PyuRrYa3yy3ydpfK1gEmYj357TUKwSA5rDEKh"
    "eTAOJVPBToxDKDS/y0LzhzQVR9h12Y/1p1ymqbhq0S1hKtJo4xKWIsfoJxpacqomSiry/F"
    "RLirCpOUubZ3r3b97Z9qnGRtqp+NTKMgi37G1zyWew7OS07DA7xLoK07OyUnNaH/lZC/Pk"
    "W2HdFR13d5HA8MWv36AEoNZSSFEfoJQaSuFDe06y6N18Ezwq04JEnrsOW9YJtT1322SS6V"
    "72CP3cWg2DrE/zM0l+G95cnSPesIk8kg0XevZsvSY1EpcEakQWaiQj7jiVLUQOauSVHM5S"
    "1ngVk2aT5T408dhi/9mx3X5QVe0mlnY7+zCaIyfLOkzk0CmwDZOJe3YcMRt9X5Z/7h8pPi"
    "MIQ/sn2Hdy2nfZeq1wls3voRXmxB48eOA9PST2+XG1m02KQ8TY1ohxvh5cDm/vbvpjZjsQ"
    "U7MWNt/cJub6c6X/97vr+/5V9LmCf9j8qtjEHN9f926uB1/5AklUg6lsYvYux9e/sf78+g"
    "gT8643GitXD+yTMGn/xHwY3PWuWZ+eaauE9XPZG1z2b/hbNA6nwfu+6z2M+Ce26tEgbPjg"
    "QcD/8lSeZTPD0szdlaIi+/M3vdvt3tRcjnzPcbCZZ7rnOM8jMns01D26p9j192UiFfLjFF"
    "KmuElcpc49jYSgtJdCj+WmBns7dp7VnJCczXtKVH6P437BjuzziiO/c9X74xzp6nJi/t7v"
    "/3qOXjB+mpi3w8H42zkSPU7MP/q9+3O0xKojAWEVgqto2RMl3+pICcIqnxz5C8eptQLF5Y"
    "5iARIpa8QA7yJ1xoYG0gldDQ1ZlyZ/S3UVP2uKInJ6VCVu8/qATBHyMLbpaLaE1rCZYWJW"
    "0nvQA2hdaq0LK0tRi/VeWP4ur4s9FsNbfXK01fAYnAbWBDO2NnOrKCFL/tAaqEovHwR5wV"
    "fU2+gSorDSybzS+cqqsa3FBEHHMutYouR1oOUdn1nqXbeJi4KeZdYzW3JrKTkqBxqWWcOr"
    "4s2UmFlJq4v1nJYGbcusbc3y7MqxAzGh9l1H3YnHOiQauUGuZaaVuMIaWahGNuRZ4smZ5c"
    "ufBv0cnxYKQL/qX17f9m5OPnbPEsZjqI4PqQvAK8jqkNsZwhJXfz4WJxvcyc5XyHEGHpe5"
    "kw3h5m3Teplw8wOVCpNsT3t1lcIA/3NZrlq8XughC4U0914gCwVkoZAQ4TJZKA5dHU+yrb"
    "QsvgXF8dhXQIOHm5vDVsc7WlxziuOtUc2/ZJhKa7plvfjyKU2PBO2dlooPFtX+M4Ns5Kpu"
    "ZnKZdKNu0R3CcAXDvD0PeHBL5pi5Wyf3RKqpI9EB4vrlF9ZfEPsVyy6aEYf6zw2V/YPb13"
    "5RdxubiGIXWTMhQzNqx+/kDYX3HJMboRit2bccV4/50Yd7K1QXrjlKes0x1FNZx0TYXuZr"
    "XTWdEu9+LpMjk7XKT9DxczpHZnVi/ACB9DsuQ7ZnA1Use7VK/K3lWsiEHi/zmSa8w22loo"
    "YjYqBgqRUM/B7we69TFcDvAb93DAjLm2U2UMAmGqACA1DB9r+0FjyZno5sh5nZjksw5WZ2"
    "pDpIl1nnDFv2P9bKMhHTCGbWObXQgm2iyPEMJkI1ZqcHAqwD01imSYDdvWpiTszfHeK62E"
    "TTJfrOM9dS/ChYrVMBxnd04lc1YY/nqqm/+Yy+O3jqETZ7tOB7Kevv9R052A8woYi4rP+h"
    "o2OHImHroJc5ew/PhIEsh/0/k1ANY4n8ipRY76IZ+9ydY8L+a7mqgUyfuwgKon7mF07xEh"
    "HWt4kigTolM+yuWQv/fMgTdxB3WUxbyLlLAqPR8dm6GnZ3QhCs73rHx9QcqmWjxeUhwllm"
    "W83ia3nlxBEJqdZMt8ayRoitTqF2Zihz4e4SF5QW2WOJqfV5QX+81mUVo9Kwmsm8mon9p6"
    "6yU8Kga5l1HQRSZHjqe46jLgtDOLOyGxqE7mxx7fwnM3ZErgPEzSyXmPSUv++/OgdQdP/v"
    "43/8E0IyD7lDAU+4a56wCntVllGskVh8Cz7xePKLV2YTt8sz7nNZnawU48GjbmF28YALK0"
    "UJ5gNWGHAjvheU+ZVmve0WcE7i/1P450fRhO1bGEVzViqK5qwgiuYsHUUT/WYpmPNLOiXE"
    "WlBQaMOZLHbubqSGE8nKHFQuX2soK/Mg71z9MejdXl+eI33JfjPRJiazKcb8A+7m4H9fDr"
    "8N78fnSLPmllM2i+WO6z5xx01aLX8bDQfZEyFsn7RGieai/0UlrZbjsUM5EMVTITnqu3Hb"
    "kneQnAocQ8Vla02VFSgm1IY8DvtegFz1McM6zx/pYfutRvrR2+c7mQALvJjW4PmTYtLS0Y"
    "cj+h3y+IidauM8InMEq3rnZa66SAQazFXzEXNvvgg/QCcUYxSLLwh/2ptye+2+pwFk2Mif"
    "GMeZawEybLxGrWc4CCQt6Hho/QKlfWgV7IHSTp7z6JzYW95gDajU21V/LUI+fiQQZ5qm0b"
    "oUvbYWM3Vhq2zuKh7dFrnLoKsIdd9GxPAP4irWTNGdrWfmFesiRE0aG6FZtAIrAgArC5jq"
    "6QSzzVMxiPm0JVy9oK8b1lVbp+MKL7o0NcXxzIYwG7Hu7r0yo+woYXNwcD1Aodoc6/wGwn"
    "a43YcdjoL+2opciJeurDDc9sgR9rjCsK3YBb8pLAa+9Snt66q/lu4GDrYtx1We8HLr6ck7"
    "YhZay09nukqMpUJN1aZza9vcPwFWV7zPUdBlm4CrdPsverVHNTwB3fpGXjbIYZhVaaj7q6"
    "5X1wJbMqvrhUZFjPb8IKm4Zb8xXEpJMAslLlP6tfVQIHiKepqGKfUvLnaRONiL/EbhYQzx"
    "wxh7jlUduXNCkfgOGVcnG+y4MIqLrle9WGBgQeakVDMI+JIu4OtPi1+preENiAmCM0AWZ0"
    "AZF1C4ilWdeXE5cAlsl5gEvDEHg1662+6vRhXgGNtnTpjImW1LVNtn8yaBjW9ukG9Hohsy"
    "e8u3k+e5LGM4rp2cVcxHJeJx3WxFfiPUtZzlOc+S6ywRP4L7SXGx+ozRC3HniLgUabyCND"
    "pZkavdIKsu0XkaHdNTjYxEvA33XSVZTWSZ4plquig/WS8k4JXWklS17Fst5e5YrKWlvmXx"
    "t+H14FxMjol50+/91j/3J0hyOpW5TfGpxGWKT7l3KT6lEvTymZkNf04UZyggM+LlJ0EM2/"
    "dnJcB9f5aLLn+UAa/i4FlliEOhNtya2MMVuepUFHBQwEGB9V1q+wYOShbogYMCDkoyFQAH"
    "dWBggYMCDoorgI2BAfurk5PyOXzc3ZTxmY8lkz0qSS8NTYx4c56RWEVzb/oTZQhifIruLE"
    "rEhWDLz3ZMydRguqCfke6oM5ci1cGImM+EP8DItVbxCCmeaVcvKUM4sbcFR1nxIp9qslUe"
    "QAG0kqS0UusTd1wOH+5HfZ6Ww3Monpi3w6uHG/Y3m9OegTnNNBoNB5xnotRnyA6ftsMlbl"
    "bejoJqW6GAzKqoyzWVYkHeF7Ag79MsyNTSl2mA8/NzhO0hNVDlzBw8AtPLCMEst8aspfcI"
    "vdgQK+LfubrvfRmf+5vpxLx7uLi5Hn3rX50j22MbLZ1jXY7FZbU9pzSSu+VGRSAtR5JvgE"
    "QP+VC3l2GFRA9t03qIUVGiB2biVKYU1zLAJNYmdRdYJ2pl6KNStcCXzT94EOx9E74y+DEx"
    "QL8u+hSL2I0arryoHOAPnryjgB7cR/t0HwWU7ZaIfvN7aSmg6/PbZjwDtnt7SBOOiONaqM"
    "siGzshlPF15sRA1hmwo3Vn7QQ3vv/H0GVfAQ0ebm466SN2A+Dehv20E9eoTZGDapnsadqc"
    "GDob/hnniioprdq4TMRXVMfi9vuWiRJuhHfnLtJXSzarxO7ziJVg3m8J2B3rqnVLZLV8Eh"
    "UjCyJ7SkZgQXzHyY8r4IeNqAY3hxV8dSyPJyEInP2+n5OiE3z6eIomnZGrOi6aYwdPWH+T"
    "zq1KXexohkpZq0nnzWe0UJdIUx1niVQTqev8Bunggt2+qlaIAYQVSBlWAB7sXcfxgxsP3H"
    "h7G87H6dAp48YDhw7Qqq8BeqBVgVaVC9BNtGoZEmUVfQ0Myv4M3QSXkmHsptmWfIPXj7tV"
    "ojRP05VSzUC3GxLrBZMW8upJsmV1C+xLyqmGWof1uGQLD+tHcjjPiLZKn855FhS+MdSyyh"
    "KyDahaztW/FZoGO+xAdhjfHCsjHxEC6MEEPlLoIUcAsBGSqQDYCEnZiOSW2QCg1ZiHYwU2"
    "clSAjAuvMeOCHw6WwRKt4sTyyaFVSNrmMIhb7KqcLhCJD0zk2Yal6lhHM8KLR3tMhY4oJs"
    "3TcLIv+gZZTtAU/3CxY6oGeri/Scc8NNhvhQAHpkagnuSknlqfMeH6tve1f47Igg3nifnb"
    "9VV/eI6eiY6tidl7uLpmf/FqJ+yvL9c8kwKfCclpUyYsovmrzfybiH9nqid7ckRlZFZL3d"
    "iTjx/LxJ58/Jgfe8KfJUIlguQ3AqgKWCflWoj3u7OiFWc1qs/+mj+s+bPEFTDyb6xMl9l1"
    "/IqugMXkWhPys+8LeP7OzmvcVRnsCbEWpqfdxdISHpoUzzGqoJ2UayHcP5cNIyyMI0wFEk"
    "LcW74CIO4N/C1A+h8z9MA0A9MsF6AQ9wa34eQAa5esL0esk0H6is+7RZwvV9tOwgCDxYka"
    "3mMq+g+4VuBaD8G1fhve9u8E3Tq3FtgWjOuod9MfnSOqGphOzMuH0Xh4e440j7rWQg6eVU"
    "yhTLXkUCFBe5lVUdMq/1TGJv+Ub5F/StnjcHVy18l/ISOtXBlpgYHKh769DBQkUG2b1jMC"
    "vSGB6mGP1sA7Au8olwqAdzxi3vEQbNqx4L1zOq0gu1QC0WJyrWJ+qV5QMQrraGpY2pNfWY"
    "p39BkRV6R0onPrhX0WhPf49adOeHVzd46Z9BQvKfun6j/5iQaZnzKqpO/4XWUCMO2AoIQU"
    "UxLsot0CbhASIDWcACmfbM1Gc/8EKzsU/KjKgtQlnhqvcH4MvN7Oik5BSa9dolvED+yipB"
    "cU49j3Nnjg+9qAfHh2rl4E5RFuygN5dVzQA3m1T/IqtDi3hDSMrGkppJGFdDOkUMqgFKYl"
    "Shkc/N77kUKbd+29TJGIXRKJPUGH3XsC2xSPGHnaLaIRfVJN4anby7KILlpY1EWWiUXGd2"
    "Tze9Oq84jdz4iYc+wQMWyQbr2Y4kI1r1qPNGsxJSbmlB5eZPCFTfWaGTDod7S6rRj8GV7N"
    "Tl3bBqJQTqIwocY6MT+JLmQOtOp8e7hgzy7H17yqfaScxMQcDK/654IXn5h+0GEQcHjXu2"
    "R/UFvVJLnIvZ5q1U78UTE489c2txaZG325qRLK7pFWM1XHsV4qkmudQe/+fvg7A15IT8z7"
    "/t2NmAcOtg1pZgLPtIADnOuoIyq/R5XgZ+ws2a5cVSn93/r3fwwHTAthD0wxQxEP7VgiHn"
    "rU/3rbH4xHSm/wB1uz8OOCnSWpoprL6LObm+gzw2AL3v3w6uFyzDqyHUv3NJfHVg8H4574"
    "LEifQ+VQuvipaY3/bTQcZC98K4FkMBzRXPS/yCB0Z4tf5z9nnik2GDT1iOESk57y9/3XAc"
    "huDlAx2Z3ktbvxADfeQZLsDoYR21UqqSQhBoppXDHBPK6qmIQYKKZxxaxzkVVSTEIMFNO4"
    "YtRnlQiElJljZdC4xWHXaWlIqS1PpHU6wH6tL890SUY2lbLqXomDvmXWt85+v6Kry4xFN9"
    "dijsm0yDXcWFCUAIhZVnPLqWuCJbqQODOR4I7+NrwOiKM/LWJOTGZQXY9v+tywUtgQvR8z"
    "28wUsUnifCvqadQxm84+lMlm9CE/l9EHuEfW9htFcI/sNWod7pFV2eogFKfN0EMoDtwjkw"
    "vQ+vfIdhnXwDAP4kp+ww7NuSaVbtQtinLgvzRMWfzsC5SNduDn55/o6pZSIH2OVGTiF/Ss"
    "Gh7md5t43AL3W09VihHFbBzwYIWXORs5TIS15skmxDkbEZNix6Xd5FF7l++amP4RifKk9r"
    "6qKVLNJe+OuDR2CUu08eNCRCgG7fIPRISRaOu34be3TtHvDnGZ4MS02NkETZdBZAZ5fGTf"
    "nXe+II+OuESIzj6hE/8LsmZ3Yrq96SJqsf7QC+uGPdBUE80s7vllL/qM+JkHvRB3PhFyS/"
    "YdFlPWzOE/mbpdfpHMxYZB+W/nwR7i7cR8azuW+PbUVG32PV3+RfgjBi86YaPkL/6v+0v4"
    "/NRevpmYhAm4xDBEU47vT/QU/cZBZ1A5GPlf3sEexTrXiQ+jjviVNQe/DSwP5FgviP0CGm"
    "iNKasgLmW9pAWTEdJZSbNhd4siUeDsdKhjK9gLBwL+eb3Tlkc+IgTQb2cvHOY4div23BHb"
    "LnOOYvEGhccwf/9WqN+29AnMF2MHoylm+zDb5a0nbKKTucoTX/EzhGbZbON1LXEy4ps835"
    "L5vwNHZEa4aUOdbr6HDhu4nBs4V7fCtZ3tDMjZwWNSzURhHVYZMSL/lzJE/i/5RP4vKSIf"
    "/7CJg2kNSjcu2UJK93gp3DRz7+BnNjPqMPdxSXBLy6xl8Mrlr6PH6Z+B+iLSHVmAY5AFei"
    "gqLo3pC64ycJVJ7SqD0tdNjFiZS18Lkosp7tq85Pfi8omwdZtuGS6MNVeIyX66XvoCNmeh"
    "3vKDMuJS3GMW5aUET8XG62ckfHLcY8cJCyTcW2zw6VlsWAM9VqiJnZwhEfMArl7LyZfxcV"
    "GZLosJyXzVWhq+THVdvLDdKoHfURFIhZk8yQMBuWlrlp2jKEVN8ZiMOnHDFKjHo9AvUI/5"
    "KyZQj0A9AvXYKuiBegTqUTIVAPUI1GM7AZacerxUF7bK1NbJoBxXz7pFVKMWtKrEL1qzGa"
    "KYh7zxwi2cYjCY6nk8XJiNCZ0siOlRhH9ohscD+lZP3nQRO9KJawQuF+Yn7BzScRevyQ21"
    "5w8Fgum0j+HjoCYo0JBy0pDi/1P45zOQYfsWko9npUpvnBWU3jiDgrp+Qd3R5bf+1cMNL6"
    "hLtTnWPQPrE/Nb/4Z9MGc/mOejG1xdD76ei7WK6Uh8MhZ/MvnL3uCyfyPkNQ6MweST610Z"
    "lTaff25usX4crNKsuP38iioJMYkTXTTChu2isgofKDXoqojY0TCSnYfx5Wchd45UiqjF9m"
    "j2/8QVHsJwQpWbEEfCXpWLimWKUWzsKPwA42bsW7mHhgxJSOmT5krClKgMOc/MmGr5PrOU"
    "oLSes46DNWITcRJesK/iENUglF87dVGVjD0NQ2+yvUOZqq42r7HIpYSPZ6nj3wAZZEHcc3"
    "FPmP8UJH4KelF5ZIRIsSZKWL6+BW+11tfZ+BKyRzMkXqU/Tqw89fQckwQty6zlGTEJvw5Z"
    "Q80JUdCzzHoG73r+uam93nVIt9c2rWdMdki3l2sLQUzF64HedyvVgD8mCCqAWAqIpThiQK"
    "vFUvhzvwFQ+wuVGONIfy2FN7FcxjC+ZweX++vLcVEYRTShREh6ZizYgeyXX++xIXIL5iMf"
    "Bkjch/21CP2Eu8mPiWgGrpHfW5vA2keIznqUFcTqxIbi5qAdJT4VNofvDCMX90RQTdjTTx"
    "SFfo8u9x6s6q3yUqsnYatuKPymKyq3pQN3dvGCwpAdLRLlFItwyw/jiYqIbKgQ0SNpRM+6"
    "ulo1LcTlZD6Zd7ifKJwYYfAa946zQYqRO3cs73GOTlzLZS8TcyVo86aSa2/PNpU/q1IqKx"
    "8otO9Clqyph8NxVFp3//3Qf+BxPb70pkCg0a/Xd3cijOiJ2DZv/6V3LeKCZuwEyP9+GFz2"
    "78c9XpjFY8g4rsors1wM+ees2dTin0oSPMR/RG7wUH7MXUKsDcFDcaTfn5VA+v1ZLtL8Ue"
    "KWquNkVSXKD9BaCbQB3X2HZmmGShZYr1dMLSV8NK6tjhoEKvxpTRGP8BMhWq85XkHostqx"
    "YyUicTyWOHBwBTM9+ipnJ3ORulTqA4W/odaMmVxLHs18fJWuZn5OqqdiF/R7BPplj1hr1m"
    "HOJYIcP0tMqg1nmuSJscxdDdaq4MyYuquxYHCpj9lOrXyo41Ltg/rs48cy12I+fsy/FsOf"
    "xaG2bIZInUiJmCCsXDKvXJpBtHo5rOOSoGWZteyZ1JtyFKb1Ip/S4qBvmfUdEGo1VB2XBC"
    "3LrGXN4o5nUm+PTgkfja47KqK2ukDhL3DRSe/+C3KwbTnuG6SyIewid074zSGfrHplwyL0"
    "oVZ1LiUEZfYuSenug6hHWaCHTFIQ/SiZCnYS/RgN+NgS1mhSnZZCm9jfILHUa04sFQb7Fc"
    "SsReIBS0SsRWMRy8WrpaJjYnFl5+i7SP6k4+88nMyvxuyqvF6j+qIuxU14nkIqO8/UDvov"
    "Ha0WvA6qOsuzLXdRfixaMAqydGBZBlbNnGCMiFhCFVMmt6sVbvXJfsmBi+HwJmYAXlwnYy"
    "4ebi/69yfvhOXHGhE354QK9tnBjYT2h19KrgAwkMEqk0EFYJUdHNrKVhldH8u3RLd9F36S"
    "4MY3rMpX03ZpiF2xn12U5Tf2vFtkgumspVIt3W8+0NXT6IJZI6VZA0lzd5s0l32Bx0ecEb"
    "9f7jJMRFxmxDuj/tfb/mCs/G3Ib6+E6+mfFr/A0v9N3ILBz8EmcvjLKwGqivhKPqIVpkC2"
    "dPui5d6Vmg/vCubDu/R8eLRUoybuGaIAeinQHcxAc5Z1F6GI+B7v5Fk8Byu/BNxJAR9/lK"
    "CMB5d9hS059+do1Wxi9r72rgdK78u4f6/c9Hu/iWt66iNTgqLOXDaZDaw+iyt7vbFyOxyN"
    "RRd/KAPlqvfHiDV1FX5jWfS2VNgBUV3SOmvZWZmqkGf5VSHPUlUhA+WsvlFcwflZhBNiMl"
    "9ZyVbJoCT+TecV1lzynLFuFbLAa6E9csDhYfZ4KeC5aj5iRfMcmnUDspAETopKm8NZSnsh"
    "4vYQ+20dFSQlQQP1NAAJOPMVcpypGCEB52vUekZUaipTE/5BXKWu2y1DWOJTneSrLqRCBZ"
    "/nq4M+ILbqLkDZ8rAGgQ9aVh805EVtOC9qfAXYq/NZsiWj9HjNXDRjULOvggYPNzed3LMi"
    "AL0Z6IzjcQ7K+Z7+CPqmYxlGA2lVuQO/v+qsRetIIiMgthsAasS6aRNEu44ciQysnNiR+N"
    "DbED2SGPRlykWHyWAfLZ5wKkxoqSLen3DQnKPv7DNT/47eddFZF52envICkTxNFW/zE0UO"
    "fit8Fci2DKItEZuw4nmS/9/t2yZm2Dkxfc/RZ2RydxByXyzkE/z+DQGR0Zb3ts5mu/lmAG"
    "8vAE9cphHfFoJp5Dmgd1F+MI2vrJQC8p1wYfv9Ga3vkgp4l56179DMcsScmBGHukjMBzZd"
    "Vh/zwoZi7hzGBXeEhajXDsBKjs/L8fVv/fNgdZmYl8Pbu5v+WNSS5tf62clFn5j9v1+Lj/"
    "gBR5r0sJbnaJWiO9YSMgc61YzqaD4rrA+X4uBZdZBDqfZFz+wkhM8/9dTyxSREW+iMOV7n"
    "S9rn5i+gddQcFTyaDDGvVsc18pYnxNq3cja/QwmLsao9EhECRw740I4UekisA+4zyVSwE/"
    "dZSFptCWnyDltLoY3sbZBUR9akOvGaA1u6LERtxxH2Ob7jOh0ezGUhXDw5zorQ/bPBTbFy"
    "NjV9wTVc75hRQkQPwMtLs/N3C3j5lb5SOshVQFSkTWewxkh4NvXUpbIgpufiKhePUnIyo9"
    "sRl8OQoPEW5a+vNg01WNJgSb9C6GMFo6vAHxMEFYAFDRZ0K6CtaEH7y0AD8Ao7bhzpr6X4"
    "JlbOyomQwHg+oPG8xivDeo6BmW8+Y95MWSmvXILeoGoYci2RCvccqezHqiblUSuWqRqiwE"
    "QXWY6o936yOkx3ETfU3/j5dvnUzs7P22z3mXY9jgVBcrEOgzoSnId1z8bKE15mlJVf1avW"
    "Wb+qC8XkJSUBnkhWbF6+yzdsD+FIJZy9C9V5wi7/BukRXpQYIyYH+ZGrJMewTBf/yPAN/G"
    "00HGSDHRFJBqkQzUX/iwxCd2Ycdf5z5pliyUZTjxhM5/SUv/a/OvtXA4copoZU5fBkkfBu"
    "PBKFd5CsHB7ZJCqsMnGp9sWV7CQiL9hpUzAXR2mtpSAOT+oYrdWJqm54957DiDtUm7NpbG"
    "C94lrWGV1+61893PDo7VUfE/O/H/oP/CP2DTz+96g/uBIJy4Ji5uKTsfjTnZgPg8v+/bjH"
    "8y7yooSOq/Kki6Nfr+/uRL9PxLZ5L1961+JFM3ZcliVMXHW5yZl1hS73UBwVaU1KocZcBf"
    "6QqbE4xgQhhFXq5dFfBWooOS4JWpZZyzNiEjqvNZcToqBnmfUc0FuZXq58syEu1UKz4ePH"
    "MmbDx4/5ZgN/lvAoWlwxTHc5dwdz3IkxqfZB/f6sjIXGWhXQQSkLjXrTP3FW5OIY/8irGr"
    "QWaQPIRWtU/+/jYvphtUTdDAdfw+ZJTiJxS81xsjJ05uO9EgC0q6PNraoa14gSYhIj3+H3"
    "vPl58S0/IqBH1TNdA7siQUL49Q9PO0Nu1HzojzNLZpncqGt3XfUcmUlRyE5XNz4LMmQeqi"
    "yji6uHg0aEYMhDNOhxQn/oe5WvdhJAUOg+g0IhK2nDWUkPeZdSsjWj8auU2QfzBmCunBjz"
    "SJFOmSQlarsG9yAbQLhkRs0jxTZy6q16EXgPobouD3zzt9/scN2gQbdMyG6k7cao3W/Wiw"
    "iWZYuo4HioiKH9LHL7jW7Hd8hWKX2xHB0RirCpOUubjQz0Qtw5Yt/kLxobaX8Rn1rpmN2m"
    "O8+I2IVbt7IcDLsoP+CWLlxbmVs0YzMoYEijQi0Mvd2JY0uAZltOBtL5hEBUpk2GaWOxNK"
    "5BFb7gZg/fErV7I/L7DEZzVcd1/V2iCuE/GA76DFq2dE/M0bh3Px7fjM5R2NvEFH+G/R48"
    "csyj2KlauzoqI7HrRSY/brhXK6uNuoqLMVu6DdDv2984c6yFUnW8x4TauJfuIrZcgFYjTC"
    "Qp10K8d7LCONg2lux0XwXrqEwbVpM9wMwtwifFsrGZdS236IpWQvLQl7SyTdomFu4GL2f5"
    "mGkG0Z7qwb0WBbxL4K0/kYWiWwv22irrSEKsfUvJTqxNgRrFBtbcrIizDXBHBdsH+C/vS+"
    "D9y/tcuPmjDLRthzzzvAxPeFnvJF7cSxv0sO8T+dTit62UFzydW9YTG9aag916yinRFWio"
    "uoYgODB/0WpvcCAUTm+b1jOu0aTqC0Jk1quOA30l3jYIw9p1GFaVeIANAVtDE48t9p/dhm"
    "sddOQ3FazVcGTFKlNfXmRFNJXfpsiKMCdeydCKvxHzT/UMnVDV1KcWU8kbFFxs66Jv49sb"
    "xD5HPAsPz0sWhEn8RIMcZjNeDxJNl+g7M9G+p0Mrmu48MxlaMJizkp1BoIWUgRYVUw5tk2"
    "tItoU/wb58KMO+fMhnXz4k2ZeqLjfwtlXzth3gnrBsKO+bFpm7C0OZWnrGmpEPekwIYK8B"
    "O9+WK8MeEwLYgQQEOghIwFep9TIkoAxM1KG1C/di2w890IBwG1MuQCsRfDlDVwvql2xZNq"
    "KFZVDi8SCxCof1capw+e9ocNrlnb2RZ9s8ttf/rileOfq4W+K+3rp5SWL597mFFh51kWm5"
    "6BG76GVOtLngdk8RW4ew4HaDAOQuohZy8FvKJgJDEnk2MvEzdhDbR1SHIhX5MSdpinl3r8"
    "kkm8P9SqDC/0E1y8arfygOngELLc/Jo1vAQq9UWJYrXQm0gtjYR1LFcG7UuY22EpYZ7U7v"
    "5uYcqYYxMW97978yi5KnPV8VCZmY3x4uzrlXa2Je3V/fnaOwftrhL6St16tKa1BMrDX5zP"
    "dsfxYlYtw8M7bMx7ivqfEwGD1cjC7vry/6PNM/9ab88RSzSdG7v1IuhrwQAJsc/KTjb7sT"
    "83J4e3fTu+bFAjSL+7EJrxhw2xs89G74vDI91ZBj+gBPmw/9cTJ2ZXhaII4godqr1ARQeP"
    "uk8CABWPMJwNj3QIOHm5tD5VDqeTrBTE1XmDLTQHVzeJmsZt0ifkYNBNhPXUlUKIaq6m95"
    "uODMchYo7Ooz+s6AnJHH72husd+GiEuR7U0NoiGi0y7inMkS+fd+YlmRsiuiNvyOiTkxv7"
    "vWEzbXd46+8ya32FV/okjVNEwpEi14mdWvlvVoYPZg2PPcOWK2CzsQzP3nn9dP6dxy3LcG"
    "eebFp2J9sK41lZe7QlNMiY7Zd2UHWpcY6LvfTgm+zQ+bsK7Zya4gXDFcLoXegSqSZofrFl"
    "BF+aVYN1trx1CWtXPbH/eYfcXmz8T8Ohx+vWGG2aOYGHJYWxDWuNuwRn8pTiNcWJs1kIDS"
    "rDHjtYnSrInNLa2Xggi8tGgrJsG+4/DYgWurO9J58nAxuoYuYoesWtrI7QH0sa0+Vofeqk"
    "RoQTdQAlCesMU0CzpVKVY8p5LzNCrThjkXP5R9LHUo+1hwKPuYcSgDFwO4GMDFAMS2/Lzr"
    "trGUBjEzE89ViA8MidMb1lWL4I7HDXjbRpuGKI2WpnbvtSrodB/kvRhcBax9OPhK0PWrIb"
    "+Zp+8hih95wQ1EmdqwjlwLqSjC93Myfa6aj1jRPIdajmDDef0CQ6UumhPqWs4SER3ZHq+z"
    "jU580vtNmq7f7asyCfHghcGQWDk9gBqXZo/sFlDjscFQTREpUQgnqxcawb8EL8eTp4QNxk"
    "JKGqxvma1vvtAq/upcwzRMS4O2ZdY2kAD5i217SYDIQagyF5CWBUqg9tYaHE6rly+OyYEC"
    "4Kr2cUAPdNg+4zwjpu+WqI7WPbUU2PiKuhlbPR5AuSW+OWGZLcU6fYSoT+0CZ3lgzjKErY"
    "C2jCBbgrnk1qMSqnUje5kPUiYbaAQMqo0dYukpFnAdPysK/fnmzT+BG5SSG2Tf8fERVyq5"
    "EhFpRdjargNjg2lSAeG1RPvCMN6flbrEXnCHPXVL2lVdL6euXok77CvpPdZTZSszT27RqY"
    "Z45/5hMBC31wP5iTl6uLzs96/6V+eIepqGsc5vRnzpXd/wj2YqMfwQusPPgshekNJUMUkW"
    "lwSS7JhIshkxCfcx1lB7QhQocJkpcJppIhdQb+aea4Tv2JvYWIFwhnlW2HQukqv2AGU6g8"
    "fCeq4EZkQC4EzCuVBdfr+yApwRiRbd5G8MUM82LLXabI+KwAjNi7HAPzTDqwZsligAnAR4"
    "KiZ0hqmVi2tEAuDMhFNhpzD2LTNAzb/YmRKU434nf19r7ndSP5NmDa9yVK5F+96encrYcS"
    "yn0qxYS8B0aHw6QLSLJPOCO18qayAiBNBDoNGxKgACjSDQSAYV7CTQKPSqNxQF07I7dklo"
    "IzsaxHA1CSzEcB1TDNcug5MuDEvLvEnpP+gWBSJp1mLBtOEulSlvXPIS5XfRGDvfkWkhwz"
    "IfsYPmourDzLEWKHisfz/nzxfM0GZfnHb9P0yRVLHL7zkSB/Ekk/yGpOWJusXPBL+kL1Lu"
    "/nWF2QWDIkDBl1j/Mx1RBbFTUsZOwb2ffAW1N6QhmKSV7ZC4HJgita3AYMGsqQAHFLCtAq"
    "AmJvAfrwF64D/2yX9ATczta2JmbJMNjdLytQmOFdv48aAsvhmLMeBbgK8uIdFxaS0EqZdB"
    "dYSPuuXIDs1vvoNbV7l3rLh1w/+fwcrarD9nNszcTxVDdLh9JSmDYKtOHYdiTAxCTOoep3"
    "Vsu/M08gVxDEF7CGVL2eSWvkwjmZ/sO2y/xztXnd3uf5nU1i4ye3PolLm7yEjtXIz3SghA"
    "rwz6Ed4xfCaUcPlqGuj8dj26vuC1ZQL5iXnXH1yJW4c2NnW/Yu711VV/cI7mRNexOTGv+j"
    "f9Mb9w6B/pJLlxCPR8PvTtpeexTuopPSYItw1lvm3o2zaVj80xMTg2A/1/ZMDzaVTdVlwL"
    "AfTgeTkO6MHzAp4XuQCt4nkJKdktAb2zdndfSQJEIxvTZkjXbPZefS2SnffKQhs76EpVYf"
    "sydJWMsOuyn+pvBhlOl3ijbjn3C422L1Va27FekM3DPr0pcueqi/yCB7ooqCG0d46YrawF"
    "0Z4vlqOjGTFc7LC/+Ahmr0MGWRC3y9plh5nu8D0b40shklSaM023wA+0Un1aCfn3XWNCcO"
    "W1mPOtceWVT0IlmIRV9JKUA9U0rhpxduCoKWJNzOblC+zhuGgL/CEJLr1Uqct3BaUu36VL"
    "Xc6Iw5Dz4RM7UMaGYVkGVs1s4DPlE9BPWQe7wn71yX7H/8VweBMb/xfXSX/Tw+1Fn6lDKI"
    "M1Im4OCeHZek2HRlwSHBoSs92pgoJAtwLn9xqgB84POD+5AN3E+R2KQjGfmWWhBr86gz2J"
    "PO+WjVtdy5QueKoTBzNTJirLcHzht2MXU/YJOnl3/u4NshykIrpQDQM9OpZnd9ELcefERJ"
    "aJOR+SVeC0ya43B9MCKSIlKUKoIrRa0c6IioF5UcG8cInrh4uVNaVXAq0zoM9KGdBnBQb0"
    "WdqAhni0fPSP03wrE48mirkGySPq1oKNi4P+j0n/4dydLivbkilRiFmDmLUjAx5IFCBRZF"
    "ABkCiSkijZe2VDA7X1kT6pI4Jk0T5r/uZWMDedDYRV0KpbnbZSAmqoFHuVr4fCiBotQa2J"
    "xUILxlh+GcxYs2Q3cDVbTvZJGF7cLKlrtEVk4TaRPP7VtIX2p0XMWrRMTBCsclmUXsoqj+"
    "4cle3ytDCYKWAhHin0wcGkngriwqAKMNalNdaTh/ctoU262VsKccZetxnqpMGzV0v+WJHO"
    "WE9lCjv5YqiPnQzrXXzeLWevz1jb0uElvj3/E0UOti1H5FVXxVWYLgrSrPH4j8A15kd+sA"
    "bsyEotMyumZOv+qmRlC5jBdeKXZHo2V3VYN/5IX/8Jqdqk5QMSCkvHSGxOA5ToYn9RE9WV"
    "07kbjsbnYnpMzMvh7W1/wP4M5snEZPbXqPe1fx5Ol+R0K3VJofGEP+tJVO0gGxWDI2xta8"
    "JfKrMnR+4NtkBC5rlQ/xJOyVs4hddwUmFER5iKzLKx2am4AA3veIYxLjkx7/uj4c1vPMGY"
    "g6llPGN9Yl5dj26vRyORdYzQBaEU8o7JP0PayyiGI7OG2hOi4C2Q2VsAkUQHO15ws61G3Z"
    "eEIATRAVN/FNADPQyxXHIBWiWWK1x1987/SrZUl8U2sUtJFcd1G7A8GfTv7ZoAKsMAh1U0"
    "S5HAlaK0cqnYpN8HOFZpOVaoIpBpIkEVgZaAfoTUHVQRADbvFbJ5kGH+kEQDRGdKowqgO4"
    "Fsew3QA9kGZJtcgFa6OAmxrfuKbYVM9FUgljcT/S37P0eovqflpVJLtemWZDlXckokRffm"
    "oNfxHCPV04mLDOvxHGE2Opdo3RnyO+ui6RKp4eeWg0780FaRD42NutkMnXgUO/zP3t01es"
    "LLN+mA2B2/q0awLBCz0hKzbDCwWSz0nc1e5ZjDcbFatJVkC98e8oSpWvY2XogzaW0c5Ycy"
    "EH/IR/hDCuCNodyFccLHEL5dN2S1PSHZsi0bBypw7qokw8OTX7tiLSFH1Qr+2tZUrQBXQv"
    "78aLErQRyC6t6yzpKGBRHY7CMDHthsYLNlUAGw2UfAZsf2PGBaSzKtGQcFqQjXgeWSGdFy"
    "61bEnnfLEa1mRGafMaUO1ohNsL8LAW8pLW/5xH58NsWzOdwulJWZ5+nc9+9u/uDXYm1jya"
    "/lD8bXwwG/lm/yFumL+uyT4VX/vhc0W9H9SffAYdiiSEno8jMmIgSGUf2IK5HZoUawVVQO"
    "8D/qiDfQhDj5/6hUTzZs34Jw+Pjy/rGUb+tjgW/rY9q3VTOhLuTS7R6c6wwxKVXtBCju10"
    "dx16O2Yb8CSvsogV9xADUSUsQlQQngVzgO6MGvAH4FuQCtlpIiwtru1adwrOgmd6qSvhvw"
    "2VTx2Ujoq7lj9kEnw0cjPu+W881wG2OfPhlqq/6Ayk+6vDEr8/pyBzh1pHXqHEOd6r2F7L"
    "4vxdK9L2Dp3qdZOsjDksnKQB6WloAOeViOLw+LTUwTZ+27lmVg1czxDa+EEqqaMqld6Wr1"
    "yX5nysVweBObKRfXyanwcHvRZ7AL1Fkj4uawKoalPVXGei0EWFfAeoF1ojIbIGM5yr+mER"
    "OS46YGf197bmoEYQ2a5WWxBRvDIVZy++MXf97tmf/s3Ye/fvj0/pcPq6P+6pOiE35GpAN4"
    "CF+hh5CtV/WUHhME37/Mvn9R9ZhfRX7m9E/NqskJeZjlsgyBUrP8mW9+zD5yXFpnrqfFYc"
    "bLPON9hTE7sr62I8Kga/l1zYy8nCRT+fRrWrIFlNUeWFhV07DNDz91g7NzOoBYq7rRJpAV"
    "FiLdXiHwwrNaGfqoFIAPEW7HAT1EuEGEm1yAVolwW8XAbInoKOynpZhG9yZI+dpwUJu0KV"
    "/vHGtGBLTpwLbgUbdkbJvfvGRa1x7yk6b+RNGqCxR0gYiJLBMjNss/o+/CS08M9vw7ouqS"
    "dpGNHSR+Xhe9zC1EMaaIuOl0rjt6R0YAXiqcTqz4YbaOrHi7uWrqDMF/5obuBe10Qm1DXS"
    "pCN12IwTv4KTQ/Bi9QaUoD+SzQWqKFUXjN5yhNzoWyMCflWgj2u1Jk27sCsu1dRsgjsdIw"
    "F0Tg+c1bQGTuO/ZOfWZriqOEESwVmbS0MPBpdZkFg5hPlaKOVgIQcVQ8LWpEHK1PZVU0Ep"
    "eSQy2QsheilSR2dpaJY/BsvabW45KgdVm0nuHiDr49+JcOfhABF8dhoa+bmzxDGFQB3ibw"
    "Nh0xoFW8TTHit5mh2v6UChmLZjbSh/GR3GM1txze6lm3nJfEwZWq3w1NLFwRviND/BMvrD"
    "+J+Bc/6/Eic0EoW9oBUlm60LWRqPUUq0eUHPbiNSnvBjgupHRcbKz9tfn+7xHVAevcDUfj"
    "czH8J+bl8JYniD4PZ0E6O3RyUpVi49tTM0y2LeUwJoG/nGXOjZz47lBA5pkgjWMPGMV86I"
    "+TWyrDKAK3BNzSq4QeuCXgliRTAXBLwC21E2DpuSUer5DHLQXPumW5Jb996RBcfqD7iUZI"
    "IPYHr92BpnjGRhNSTcRzTaAT8d85oa7lLN9kBdpu0VOVfJZFFBRExgLBJMUSBgQTHEYr2w"
    "X7zd8qW6wnpG89b080M7B5+QO9vWxekJRsuqy8hyQlIXq97i4CjCowqq8BeqDxgMaTC9Aq"
    "NN5qv9s7hyfZJlkW3OQBQaoL9Pf02e5kkXf8825J4o61rX5vXjXpC3aQawl2jSeUE5zDOX"
    "q0GOqcizMtN/jjxMoIBeMimWzeLl5RGFpmBzV04tfmIXpMlg23W0DuHV/hiBqU3tehqA8h"
    "RvrE5C2DT9j4V8SnctB4YHvnQ99e2xvu5rVN63A3T7odMFJ2h+mxMvIRIYAeiJYjhR5C14"
    "DzkkwFwHkdAecVGvhbAhrW2m0popEzAkQDvsZoQD/HbAabuEo+W4ZOFJlcd1BmOl002vAe"
    "N6ewZKOaiNdBeJ6kDB5XYwr//NijsL3MjF3N2KNPZUKPPuVHHn1KBR5VTVbZ4iSVZ6UCu8"
    "4KArvO0oFd0W+Wgjk/vishBmFelcO8ntivrMv6h7J7hF0nVPNoGE5fhfu/uh5dPoxG18PB"
    "OVr3MjF7g8HwYXDZ5/G9o3OkmqblsR/Lo3zpxOz/5n8sXGDs7/9+6I/GrA/2EfvWdJUD4v"
    "A+g9X+nFJmEZlFcqbODu34Yynn6jtAqaKpppJt+BQWjc4S32P56PD8c7TVo8EHlj/Sj9Mb"
    "Aj6w16h18IFV2b3AEdNm6IH9B/ZfLkA3sf+HIVB7DG1t2clgUIMn3SIKVeVtSOkSRiaynE"
    "fVJFQU8UXWi8njINl3WyI+3Cg6IS5FU0c1dfrmFF27yCDPmCLWlj+YWwssGnaRO/f/xT5H"
    "L2rKLtzhqybmQtUxmjnWglc6ItocEYrYD7aE4Iw41PX7/cxE2cY9t5gekO6w7kVfjmUYbz"
    "37J/YSrBruHM0M9ZGWvNkNhLCUhDBwlrvlLP2ZoqznUxrs/PoWmcJQ5qKY34QyF2BQlqIR"
    "5LBrXskelLJq8g+NkWJZNlGe8DJjzbwIJL/8eo8NNYefjh0HezZh5/kjnIF5p/R4zgNxHG"
    "wCpwveU1thCvj2JnC6FV21Cai0sbaJeRiaeGyx/+yYdzjoEtkY69C05RssaLn273rB22AF"
    "L5XoOlvKGPbl3r4QZk/27q4REz4XRiTVLJuXz2VNmL0qViV0os0tik1xS9DBwiPK7FZ+ph"
    "Aio2+9t2cff+G26BO2s2r77v59YL5KfHTogvl6MPPVdvCM/KiC8FqiGYwPO8jj2arOyiSr"
    "OsvPVXWWhJetY8pcpfMqAEdlWgfxLx9KQPzLh1yI+aM4xP4OUYV1WUvIQbW0qtArUC35M6"
    "G9VIuhUlfxaC29J2Ub0LycyVFkV3RGkEZa0w5+tp5q6TkuCVqWWcuB3Vi5fn1UDMJCICLn"
    "OKCHiJx9RuSoq+iNLUFdh4G0FNbYcipfaI7vScjlJ1eOho305Nq5USZpmoh4sV5MrKPpki"
    "cz83tBJ6r/aIoNy3ykItOZixaiNKaJM5OjbdMVUIoSr+jdAkoRLNR8BbXXQoUTLZxoX8vq"
    "V3CehcPXgQ5f4GqX2NUexHrkHmXXsSAbz7KRCJQyh1mPYgdZMxF+7fdwjiibiOxESkx22N"
    "SwCPNmh1PN5Z/gZ+yEfvAX4s75Q+KE51bHMnDWOXdHbynMK8LfCXl/5dkUio7EXKNVXJRh"
    "+xZ62SGPL9gbYG8c6Qonm73xKqHnG39l6CNCAD04L6SyNsB5sSP7OblqNADrA21VzH4S1M"
    "gyKZU/iIyw67If6C9YSRt6/bRbaEEThUYblvQF8VrVLyYyVPPRY1/vregZYVO3LQYkmlkO"
    "6l2/XQ0IRPGjyOv1WZjDT8zqJZQ115ylzR7nuYl28BbwIEm8rXYLzOWpSrHiOUYVkzkq00"
    "Kz+WOp4PSPBcHpH9PB6WKOVQF5JdBChHcS/h9cDFJWC1Ma7fy8m5nCrUC+iIfYRf5NSHiW"
    "PwmOkyLKiLJMXVaVg6N4Jft5hfvp4Lw7EufdPdashe25eKTNse4J0NLFO1ONCo0QJ2yu0K"
    "B9aWNEcyzzrUGeMApFhVmgohn72mjVMXfE8fqagYXQ5Q63MJMTszL4Oo3+zRpkWSK7eEWh"
    "Fy/ooaAygMnOB4rjmXwLgqoAchosfNhUOUeH7VtxmEv4987KHKNZq3wP31nqGI1N/tuzhn"
    "hRcuiIFOSELp8TOrrgVDwtJ0SP5g5Shy/e/Muvln0euMGPGS46eRhfvvksOkUvc2zyvPar"
    "cfW6bi2Jm4T1RkZC9GhGxqu8nQYRFfmb3XGay2UiKoKjaGWLOS4H3mWIqTgO6MGxv0/Hfm"
    "jobo/qaN1TS4GNr6gyOaJDjkdfsT6dDEooo1W3iBNaHbqVFcNSkhQamjhyZI+TNKfoQehd"
    "5DELIEU84pr9TSwdnfBDf+q830WWI7gcXV2mCKLdvm5iBiHkveuVe/sn9oAYy/Vr3nQRtZ"
    "Aa9sqO1FQEmPsJyXlgOXqxnCf2f4/Ypbw7B/upycuTUXzqie4LaCn27Z3gpAeslJysVKDD"
    "lAYKco+tJFrITDWfGou9/fExK6wqH+GIyB4L+tEINX+MIf7+ilYF57VEC8pVJuAtFajwri"
    "BQ4V06UCGynKdQLjb545Jg8h+TyT8jJqHzWmpPiAKhJzOh96dFzCz3Se5BbC0AJUuTNI2B"
    "ZxmzJRfKsDkAmQQSO46VsannB8StBGrt6Ue0vuwiBg7oXaB3XxP0QO8CvSsnsBLTu/43++"
    "rj7v/8NLubatQtJHeDX/u4al+B2+2bjwYzM1DkEXI9x0+swbPGoWfVICJEGzmegT+j78H7"
    "vvusKKdTRXYOqj5zoYzyGDt8z+YbSDmRgMCmysemOtbCzljg8o+ra4lWsKn7PrA6XlbSlP"
    "yyA2H7/RcdOAzoOykvwEFUXDakqwz0mBCM9RpjHf+wDbYph7tpaYM4LtYCqnvfwMMVyJ1f"
    "gXRdzLbBjAoy+Ul6IiL7s3rf7fb40hhtBtGZ+VC311VzQPpOMuIU2LtXAD2wd21n7yRbVR"
    "og79hXQIOHm5sDs3djdnYy1JzIzESTbhnmzg1a18oaRKaO6ixR2IcfBilK870VqXExRarD"
    "wx9dtYvYdznlFg2v2SfkcqtKNNl9YUzkE15Cll159oVuAUP3hDMSxxXWAW2pHfepjBn3Kd"
    "+K+5Qy4qBM8G6N5Jm6IEal0buW2CPro3nUtRa74n7iOH8oA/OHfJQ/pECOfq0U0vkkW0IM"
    "SLZaTD6QynuH3VYd9i83qJZQ1o0Sl4IKzo27WPxFVLEdy8aOS6rV1s4UlkNJ/LXtURKQrK"
    "+QZAWSD0g+GVSwm1xweyOiOOp3hpoZPbZ61i2insQPE1RNOc5pvE6+xqW6iGKXlxzlbBDf"
    "KVXXctDJ5c01EtncOFc0s5zFW1VfEBMtPFf40N+coqBmKS/KZHkua+qwpSKhs92+bWISfq"
    "PXvxSMbcNachKOvSoYZeKV6OT7bZ/nc/r2cKFc9b/0Hm7Gyt1Nb/AdiqdKv+x1CzgsO5ga"
    "ZWmAsH0rDKQ4AfD+rAQB8P4slwDgj5JXIFxlWollWUu0wOzfA4/F8apxhXQlBcdlWY7LIU"
    "aQYFmSXSN1WK5ytoMEy1ImWL5xn78QN+uYHDwpPCQ72LYcVzHcZ/Y+t8KtCtaaZzBWV4dY"
    "B3PyButvb8a/If9N6OTi618GF1fo/0Nf1cVCfSv++0ZktGEvQ2uaMPtGxQ7eUeU2BXs9ZK"
    "c5+JpVdNJla4zrZXCf/DDWN71FailKZp0IpGU++XaGv54j62lifuld3/SveKfEwPrEfBj0"
    "fmMf9S5u+ufIM9Vn9jn/ahNzPBwqX/q/sxFhsYUFp4zPMke7HdRYFbRzpichd7rEZOD2ez"
    "KgcG455N98g1GXVVBNiu0P2P84FmTFtlHd53XkrpROsJc6XaQa9pyHO3XR9HN0Z0V2F/2r"
    "i57LrSn7drlAOoh9OofXB6QU4psS/7itdm8dr30O/izZTHTwZ7XCn8WM8TvffM1JiRBv0C"
    "1ptNsrkfIlkIIzNTOo8Q8bc3sa2Z6jzVXKI52Z3UxtzP5r8Tyw3IPEVmvWNjg0ohP2dkPV"
    "mNB0ibCqzfnzzBjr3b2oMNpaDAA2TFyOA4RdS7OydQsM+XB8KKvxkbHQGZaaf4c5QzyhnB"
    "mXP96FLwvsq+EDs/7R3X3/8np0HZynV6cH8ZB/tK7Uc9/v3aSvjfvYiclYD/aVqNyQdxbE"
    "tBzE3uIznQfH3nasqTolrMVSUQ3ynBEfXwB/prTcGpBl0IPlApYLWC47vukcnMHqqSAuDK"
    "oAI1IqIzJvsDcE7eW6tzYjHJ/kMpnr98LEZmcB9Tfs0ByTPd2oW8JsF0bQsy9Q9Tq034W4"
    "ioyCLs5FRUlRtEVF3KWJRdUYYlLsuLSL/OrzlIeR+uhSHiFKhWM9w2jfzYsmpkCBR6f6Hf"
    "OAJopO5oS6lrPsImqqNp1bvB/L0dkLu8hWRdQq+xf1pis42J/sK4iPg9FDuxNzgRdTJjQn"
    "Nvt8zpp3kYEptUzEDsn8TMH7W1Mlb7p+qWW/kIb4igvy6GeWRGf/gR7ZYTpSjHliBhCw72"
    "/iF57H0VvVb+YQTZnJiShmE5DN7FUl5xVGwUVzpmSTquIbnKLfHX6S5NfLjSWaLhlAc4tG"
    "vtKJj/R0ie7EKuHX7DEt9MIE2QNNNXlZ6UfMNOB+Fu8LoNVUbY4n5gkbiH/xP6J/0aen9v"
    "INesJLERdMXL8CkGlx+iTUueiZMuBU8esJXQ8GytYI6uevPJ2YEzMIOmamth9wLAoW8ZnH"
    "+Rx3rrqsM8vF7EXo5Ds1LPf7ufiKQRMey0F0/ycxLWqe4/Ch5P80Brf/219UHv8hbuCHX5"
    "UJhqpgb+0KEkllXSwWoimDUkiyhYdTTEJPNLjPH755YrKB8Ewsj0YVIsKvebwI6/anQLKL"
    "Zo618FXJJn5EwVPMoA8w4t9uih9V8434ieuxQqgv6i3E1+T/Xqg/yIL9HdRoCuD1v2bXr7"
    "7EVey+WMFv4pSZGEYU0bnqYAY+3x7Qz2HvL3PLWI/BcwbG+P5hcMmO32LemUv/XWJo8RnI"
    "0GDzU3zmf3f+Wv40+Gp8HLJRiX9oGLMJytHk5JtjEAYra/4GaXPVfGT9EPcU/eYDzLMj+C"
    "pzsEexXszRBas9HxVAz8lzZuwW0HNgSR3MkhLTJIV7fqquoLnMiItK2XytZ2jHd4RypFzT"
    "sR7P68Nb+dEdEZIZawlH91ZByE2f8Ps/+H/zD/fB8zLneiyalj7RX45+Q76IH+Pq98KPqZ"
    "buBV4vFf1pTT8jnZ0eDUvVMT9FOJb3OOcncGZUsg8e7m+yfG8N914lbDZyeRniZuXcz1Wb"
    "KMwWqLylx+UkTgQpthhbdVz2XbjV49skKn1iY/qEH/PD4qrM6GOa4Vm9jOWbStvPns8BTy"
    "TLOVeQmYpkeuSkCm2W5lLf64z2bMIptJMozuML6++wph7WKyqg898P/Qce0u9LT0xmug+u"
    "B1/PeUlmk2lkYl4NB/1ztkWbOHkBoORiteOg/pBeq+q4Xgnt01/98+muws937K52rBcGn5"
    "eVXTV3r47JwNWJVAZ0y3Qz09Xmx4pHRCBavEZ9CojN3yPakHwqfyk5ztv0UIwZQpuAkJeD"
    "soR4mlZcyvA5XqalsORALg8cadMtwQVzkiygmEoTwlG6yiALwn2/roX419FDvoqei0Rfwr"
    "HL3e5z7GA/loFJrcI2OL2FhTs8gxnexWuE11iEQPji6IR7vLnLnrt4GEY46vIucYcjIBqF"
    "YRStaQmuYhmWw24BtQznztd47jygQ0E6LR8mTOBwpb1AAXAihxO5LCrYSYR75Di2Jao9m/"
    "zqd9RSXOM7mpxl044V24K6aQc2JAPsr1RiLEdBKHsnv3ZavF23hEEZ/vRVnHw5q5Jn0QtE"
    "mdlGyb8xUl1hiImL92EE+zIRkcwP2OjffnQwtwNF9ARrxh79aRFTXN5PmZY7fNfEFEHp9B"
    "R9IaZqsJ40P4LQxSaPeeZl24JbB9wrzl4Q3g1AJ35Ute5YtoiYJg4KLh28QbqF6f9r7wpS"
    "GISB4FfEsxcLXrzZloLUDxS8BGtREAuB4ql/b5Km2kY3TahViTm7ARnZuDvZydAuNa1xzm"
    "bPnabgr/yaD2kQeG9g162+5TB5cdupLqdM8CSdKv1UPfhpizoMPg+X9aXL2Xpd5GSoInmH"
    "MEs5rkgRU07MYf3DbdJ7im7oTIqjfVwtLjOpHh7t0JptiBqgtvH2/F+E8vlD0cCyW2DB7L"
    "EP1xvOAHNHhYGtdvWEA1tnxK0PdXbVfRQnp9Bha9N6G+2OhzhJQiZiuJRVpbaf/v2iVUvB"
    "rpCCtQygZQDXBL1lAKdkAC1NZQJNFeW4zAp3gJjiTzwZFYW6mG/EE4zpyK5ia+FKfizVYR"
    "YEFL/C0iJY+mqCumgTBAoFOYmCPa3os8/agCaVBsI83EB0fSXHMF/iGOb3HcPAWX6JBzI4"
    "yz+BgGueIdfRpFqzCrjvD7HDI/g="
)
