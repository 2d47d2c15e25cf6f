"""GraphQL for TOTP two-factor: enrol, confirm, disable (the signed-in user), and the team's rule."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from app.core.errors import ValidationFailed
from app.graphql.context import Context
from app.graphql.errors import UserError, mutation_payload
from app.graphql.ids import encode_id
from app.teams import audit, two_factor
from app.teams.graphql import TeamType, UserType
from app.teams.models import User
from app.teams.service import ADMIN_SCOPE

INPUT = strawberry.argument(description="What to do.")


@strawberry.type(description="Result of `enrollTwoFactor`: the secret for an authenticator app.")
class EnrollTwoFactorPayload:
    secret: str | None = strawberry.field(default=None, description=(
        "The base32 TOTP secret (SHA-1, 6 digits, 30 seconds), to type into an app; shown only here. Null on error."))
    otpauth_uri: str | None = strawberry.field(default=None, description=(
        "The same as an `otpauth://totp/...` URI, to show as a QR code. Null on error."))
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "TWO_FACTOR_ALREADY_ENABLED, INVALID_CREDENTIALS, NOT_A_USER; nothing changed."))


@strawberry.input(description="The user's password, so that a session alone cannot turn two-factor on.")
class EnrollTwoFactorInput:
    password: str = strawberry.field(description="The signed-in user's password (INVALID_CREDENTIALS when wrong).")


@strawberry.input(description="A code from the authenticator app.")
class TwoFactorCodeInput:
    code: str = strawberry.field(description=(
        "The app's current 6-digit code (or, to disable, one of the recovery codes)."))


@strawberry.type(description="Result of `confirmTwoFactor`.")
class ConfirmTwoFactorPayload:
    user: UserType | None = strawberry.field(default=None, description="The user, two-factor on; null on error.")
    recovery_codes: list[str] | None = strawberry.field(default=None, description=(
        "Ten one-time recovery codes for when the app is lost; shown only here. Null on error."))
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "TWO_FACTOR_NOT_ENROLLED, TWO_FACTOR_ALREADY_ENABLED, TWO_FACTOR_REQUIRED (no code), "
        "INVALID_TWO_FACTOR_CODE; too many wrong codes is RATE_LIMITED."))


@strawberry.type(description="Result of `disableTwoFactor`.")
class DisableTwoFactorPayload:
    user: UserType | None = strawberry.field(default=None, description="The user, two-factor off; null on error.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "TWO_FACTOR_NOT_ENABLED, TWO_FACTOR_REQUIRED_BY_TEAM, TWO_FACTOR_REQUIRED, INVALID_TWO_FACTOR_CODE."))


@strawberry.input(description="Whether the team requires two-factor of its staff.")
class SetTeamTwoFactorRequiredInput:
    required: bool = strawberry.field(description=(
        "True: sessions of users without two-factor may only turn it on; false: optional."))


@strawberry.type(description="Result of `setTeamTwoFactorRequired`.")
class SetTeamTwoFactorRequiredPayload:
    team: TeamType | None = strawberry.field(default=None, description="The team with its rule; null on error.")
    user_errors: list[UserError] = strawberry.field(default_factory=list, description="Input problems.")


def _session_user(info: Info[Context, None]) -> User:
    viewer = info.context.require()
    if viewer.user is None:
        raise ValidationFailed.one(None, "two-factor belongs to a signed-in user, not an API key", "NOT_A_USER")
    return viewer.user


@strawberry.type
class TwoFactorMutation:
    @strawberry.mutation(description=(
        "Start turning on two-factor for the signed-in user: a new secret for an authenticator app. It takes "
        "effect only with `confirmTwoFactor`; enrolling again replaces a secret not yet confirmed. Takes the "
        "password, so a stolen session cannot lock its user out. A user session (NOT_A_USER for an API key)."))
    @mutation_payload
    async def enroll_two_factor(self, info: Info[Context, None],
                                input: Annotated[EnrollTwoFactorInput, INPUT]) -> EnrollTwoFactorPayload:
        enrolment = await two_factor.enrol(_session_user(info), input.password, info.context.settings)
        return EnrollTwoFactorPayload(secret=enrolment.secret, otpauth_uri=enrolment.uri)

    @strawberry.mutation(description=(
        "Turn two-factor on with a first code from the enrolled app; from now on signing in takes a code. "
        "Returns the recovery codes, once. A user session."))
    @mutation_payload
    async def confirm_two_factor(self, info: Info[Context, None],
                                 input: Annotated[TwoFactorCodeInput, INPUT]) -> ConfirmTwoFactorPayload:
        viewer = info.context.require()
        user = _session_user(info)
        codes = await two_factor.confirm(user, input.code, info.context.settings)
        await audit.record(viewer.team.id, viewer, "user.two_factor_enabled", "User", encode_id("User", user.id))
        return ConfirmTwoFactorPayload(user=UserType.from_model(user), recovery_codes=codes)

    @strawberry.mutation(description=(
        "Turn two-factor off with a current code or a recovery code; refused while a team of the user "
        "requires it. A user session."))
    @mutation_payload
    async def disable_two_factor(self, info: Info[Context, None],
                                 input: Annotated[TwoFactorCodeInput, INPUT]) -> DisableTwoFactorPayload:
        viewer = info.context.require()
        user = _session_user(info)
        await two_factor.disable(user, input.code, info.context.settings)
        await audit.record(viewer.team.id, viewer, "user.two_factor_disabled", "User", encode_id("User", user.id))
        return DisableTwoFactorPayload(user=UserType.from_model(user))

    @strawberry.mutation(description=(
        "Require two-factor of the team's staff (or make it optional again). Sessions of users without it may "
        "then only turn it on. Needs admin."))
    @mutation_payload
    async def set_team_two_factor_required(
        self, info: Info[Context, None], input: Annotated[SetTeamTwoFactorRequiredInput, INPUT],
    ) -> SetTeamTwoFactorRequiredPayload:
        viewer = info.context.require(ADMIN_SCOPE)
        before = viewer.team.require_two_factor
        team = await two_factor.set_required(viewer.team, input.required)
        await audit.record(team.id, viewer, "settings.two_factor_changed", "Team", encode_id("Team", team.id),
                           {"from": before, "to": team.require_two_factor})
        return SetTeamTwoFactorRequiredPayload(team=TeamType.from_model(team))
