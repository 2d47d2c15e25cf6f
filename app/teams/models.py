"""Tenants and who may act for them: teams, users, memberships, API keys, sessions."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class TeamRole(StrEnum):
    """What a user may do in a team: `ROLE_SCOPES` in app/teams/service.py maps each to scopes."""

    OWNER = "owner"
    ADMIN = "admin"
    STAFF = "staff"
    ANALYST = "analyst"
    MODERATOR = "moderator"


class Team(Model):
    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=200)
    slug = fields.CharField(max_length=80, unique=True)
    time_zone = fields.CharField(max_length=64, default="UTC")
    # Staff sessions of users without two-factor may only enrol until they have it (app/teams/two_factor.py).
    require_two_factor = fields.BooleanField(default=False, db_default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "teams"


class User(Model):
    id = fields.BigIntField(primary_key=True)
    email = fields.CharField(max_length=320, unique=True)
    name = fields.CharField(max_length=200, default="")
    password_hash = fields.CharField(max_length=255, null=True)
    # TOTP two-factor (app/teams/two_factor.py): the secret encrypted (app/core/crypto.py), set at
    # enrolment and in force once confirmed; the last time step a code was accepted for (a code
    # works once); the SHA-256 of each unused recovery code.
    totp_secret_encrypted = fields.TextField(null=True)
    totp_enabled_at = fields.DatetimeField(null=True)
    totp_last_step = fields.BigIntField(null=True)
    totp_recovery_hashes = fields.JSONField[list[str]](null=True)  # null: none (never enrolled)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "users"


class TeamMember(Model):
    """Which users belong to which teams, in which role (a user may belong to several teams)."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="members", on_delete=fields.CASCADE
    )
    team_id: int
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="memberships", on_delete=fields.CASCADE
    )
    user_id: int
    role = fields.CharEnumField(TeamRole, max_length=16)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "team_members"
        unique_together = (("team", "user"),)


class ApiKey(Model):
    """A team-scoped credential. Only the SHA-256 of the key is stored; the prefix is shown."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="api_keys", on_delete=fields.CASCADE
    )
    team_id: int
    name = fields.CharField(max_length=200)
    prefix = fields.CharField(max_length=32, unique=True)
    key_hash = fields.CharField(max_length=64, unique=True)
    scopes = fields.JSONField[list[Any]](default=list)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="created_api_keys", null=True, on_delete=fields.SET_NULL
    )
    created_by_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_keys"


class UserSession(Model):
    """A login session of a user; the bearer token is stored as its SHA-256."""

    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    user_id: int
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "user_sessions"


class TeamInvitation(Model):
    """Staff invited by email; the token is mailed once and only its SHA-256 is kept."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="invitations", on_delete=fields.CASCADE
    )
    team_id: int
    email = fields.CharField(max_length=320)
    role = fields.CharEnumField(TeamRole, max_length=16)
    token_hash = fields.CharField(max_length=64)
    invited_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sent_invitations", null=True, on_delete=fields.SET_NULL
    )
    invited_by_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    accepted_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "team_invitations"
        # The token names its team (mhi_<team>_<secret>), so the lookup leads with team_id.
        unique_together = (("team", "token_hash"),)
        indexes = (("team", "email"),)


class AuditEntry(Model):
    """Who changed what in a team: written through `app.teams.audit.record` by every domain."""

    id = fields.BigIntField(primary_key=True)
    team: fields.ForeignKeyRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="audit_entries", on_delete=fields.CASCADE
    )
    team_id: int
    actor_user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="audit_entries", null=True, on_delete=fields.SET_NULL
    )
    actor_user_id: int | None
    actor_api_key: fields.ForeignKeyNullableRelation[ApiKey] = fields.ForeignKeyField(
        "models.ApiKey", related_name="audit_entries", null=True, on_delete=fields.SET_NULL
    )
    actor_api_key_id: int | None
    actor = fields.CharField(max_length=400, description="the user's email or the key's name and prefix, as then")
    action = fields.CharField(max_length=64, description="e.g. segment.updated, api_key.revoked")
    target_type = fields.CharField(max_length=64)
    target_id = fields.CharField(max_length=128, null=True, description="the target's global id")
    details = fields.JSONField[dict[str, Any]](default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audit_entries"
        indexes = (("team", "created_at"), ("team", "action"))
