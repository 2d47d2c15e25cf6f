"""Predicted LTV: BG/NBD (purchases) and Gamma-Gamma (spend) fitted per team by pymc-marketing.

The models come from a maintained library, not hand-written statistics: `pymc_marketing.clv`'s
`BetaGeoModel` and `GammaGammaModel`, fitted by maximum a posteriori with flat (HalfFlat)
priors, which is the maximum-likelihood fit of Fader, Hardie & Lee (2005); on the CDNOW sample it
gives their published r, alpha, a, b (tests/test_reports_ltv.py). It is an optional extra
(`pip install memberhub[clv]`: PyMC and PyTensor are heavy), imported only by the fit job.

The fit is a job (`fit_predicted_ltv`, daily and on demand): it reads each customer's purchase
history from orders (one purchase per local day with a positive net total; time in days), fits,
and keeps per customer the expected purchases and spend over the next HORIZON_DAYS, with the
probability of still being alive. The report sums those per segment in SQL.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from app.reports.models import LtvFit, LtvFitStatus, LtvPrediction
from app.reports.periods import today_in, zone
from app.reports.sql import PAID_ORDER
from app.teams.models import Team

log = logging.getLogger(__name__)

HORIZON_DAYS = 90
MIN_CUSTOMERS = 20  # below this the fit says nothing worth reporting
MIN_REPEAT_CUSTOMERS = 5  # Gamma-Gamma needs repeat buyers' spend

_SUMMARY = f"""
WITH purchases AS (
    SELECT o.team_contact_id, (o.placed_at AT TIME ZONE $2)::date AS d,
           sum(o.total_amount - o.amount_refunded) AS value
    FROM orders o
    WHERE o.team_id = $1 AND o.status IN {PAID_ORDER} AND o.placed_at < $3
    GROUP BY 1, 2
    HAVING sum(o.total_amount - o.amount_refunded) > 0
),
per AS (
    SELECT team_contact_id, count(*) - 1 AS frequency, max(d) - min(d) AS recency, $4::date - min(d) AS t,
           min(d) AS first_day
    FROM purchases GROUP BY 1
)
SELECT per.team_contact_id, per.frequency::int AS frequency, per.recency::int AS recency, per.t::int AS t,
       COALESCE((SELECT avg(p.value) FROM purchases p
                 WHERE p.team_contact_id = per.team_contact_id AND p.d > per.first_day), 0)::float8 AS monetary
FROM per
ORDER BY per.team_contact_id
"""


class ClvUnavailable(RuntimeError):
    """pymc-marketing is not installed (the `clv` extra)."""


@dataclass(frozen=True)
class Customer:
    id: int
    frequency: int  # repeat purchases
    recency: float  # first to last purchase
    t: float  # first purchase to the end of observation
    monetary: float  # mean value of the repeat purchases (0 without any)


@dataclass(frozen=True)
class Prediction:
    id: int
    expected_purchases: float
    expected_spend: float
    probability_alive: float


@dataclass(frozen=True)
class FitResult:
    params: dict[str, float]
    predictions: list[Prediction]


def _frame(customers: list[Customer]) -> Any:
    import pandas as pd

    return pd.DataFrame({
        "customer_id": [c.id for c in customers], "frequency": [c.frequency for c in customers],
        "recency": [c.recency for c in customers], "T": [c.t for c in customers],
        "monetary_value": [c.monetary for c in customers],
    })


def _flat_priors(names: tuple[str, ...]) -> dict[str, Any]:
    from pymc_extras.prior import Prior

    return {name: Prior("HalfFlat") for name in names}


def _value(result: Any, name: str) -> float:
    return float(result[name].values.reshape(-1)[0])


def fit_bgnbd(customers: list[Customer]) -> Any:
    """A BG/NBD model fitted by MAP with flat priors (the maximum-likelihood fit)."""
    try:
        from pymc_marketing.clv import BetaGeoModel
    except ImportError as exc:  # the optional `clv` extra
        raise ClvUnavailable("predicted LTV needs the clv extra: pip install 'memberhub[clv]'") from exc
    model = BetaGeoModel(data=_frame(customers)[["customer_id", "frequency", "recency", "T"]],
                         model_config=_flat_priors(("a", "b", "alpha", "r")))
    model.fit(method="map", progressbar=False)
    return model


def bgnbd_params(model: Any) -> dict[str, float]:
    return {name: _value(model.fit_result, name) for name in ("r", "alpha", "a", "b")}


def fit_gamma_gamma(customers: list[Customer]) -> Any:
    from pymc_marketing.clv import GammaGammaModel

    repeat = [c for c in customers if c.frequency > 0 and c.monetary > 0]
    model = GammaGammaModel(data=_frame(repeat)[["customer_id", "frequency", "monetary_value"]],
                            model_config=_flat_priors(("p", "q", "v")))
    model.fit(method="map", progressbar=False)
    return model


def predict(customers: list[Customer], horizon_days: int = HORIZON_DAYS) -> FitResult:
    """Fit both models on the customers and predict each one's next `horizon_days` (blocking)."""
    bgnbd = fit_bgnbd(customers)
    data = _frame(customers)
    purchases = bgnbd.expected_purchases(data=data[["customer_id", "frequency", "recency", "T"]],
                                         future_t=horizon_days)
    alive = bgnbd.expected_probability_alive(data=data[["customer_id", "frequency", "recency", "T"]])
    params = bgnbd_params(bgnbd)
    spend_per_purchase: dict[int, float] = {}
    if sum(1 for c in customers if c.frequency > 0 and c.monetary > 0) >= MIN_REPEAT_CUSTOMERS:
        gamma = fit_gamma_gamma(customers)
        params.update({name: _value(gamma.fit_result, name) for name in ("p", "q", "v")})
        spend = gamma.expected_customer_spend(data=data[["customer_id", "frequency", "monetary_value"]])
        spend_per_purchase = dict(zip(spend.coords["customer_id"].values.tolist(),
                                      spend.values.reshape(-1, len(customers))[0].tolist(), strict=True))
    ids = purchases.coords["customer_id"].values.tolist()
    counts = purchases.values.reshape(-1, len(customers))[0].tolist()
    alive_by = dict(zip(alive.coords["customer_id"].values.tolist(),
                        alive.values.reshape(-1, len(customers))[0].tolist(), strict=True))
    monetary = {c.id: c.monetary for c in customers}
    return FitResult(params=params, predictions=[
        Prediction(id=int(i), expected_purchases=float(n), probability_alive=float(alive_by[i]),
                   expected_spend=float(n) * spend_per_purchase.get(i, monetary[i]))
        for i, n in zip(ids, counts, strict=True)
    ])


async def customer_summary(team: Team, now: datetime) -> list[Customer]:
    from tortoise import connections

    tz = zone(team.time_zone)
    rows = await connections.get("default").execute_query_dict(
        _SUMMARY, [team.id, tz.key, now, today_in(tz.key, now)])
    return [Customer(id=int(r["team_contact_id"]), frequency=int(r["frequency"]), recency=float(r["recency"]),
                     t=float(r["t"]), monetary=float(r["monetary"])) for r in rows]


async def fit_team(team: Team, now: datetime | None = None) -> LtvFit:
    """Fit the team's models and replace its predictions; a failure is recorded, never raised."""
    now = now or datetime.now(UTC)
    customers = await customer_summary(team, now)
    if len(customers) < MIN_CUSTOMERS:
        return await LtvFit.create(team_id=team.id, status=LtvFitStatus.TOO_FEW, customers=len(customers),
                                   horizon_days=HORIZON_DAYS, fitted_at=now,
                                   error=f"at least {MIN_CUSTOMERS} customers with an order are needed")
    try:
        result = await asyncio.to_thread(predict, customers)  # CPU-bound: keep the worker's loop free
    except ClvUnavailable as exc:
        return await LtvFit.create(team_id=team.id, status=LtvFitStatus.UNAVAILABLE, customers=len(customers),
                                   horizon_days=HORIZON_DAYS, fitted_at=now, error=str(exc))
    except Exception as exc:  # a fit that does not converge must not fail the daily job for every team
        log.warning("predicted LTV fit failed for team %s", team.id, exc_info=True)
        return await LtvFit.create(team_id=team.id, status=LtvFitStatus.FAILED, customers=len(customers),
                                   horizon_days=HORIZON_DAYS, fitted_at=now, error=str(exc)[:500])
    async with in_transaction() as tx:
        fit = await LtvFit.create(team_id=team.id, status=LtvFitStatus.OK, customers=len(customers),
                                  horizon_days=HORIZON_DAYS, fitted_at=now, params=result.params, using_db=tx)
        await LtvPrediction.filter(team_id=team.id).using_db(tx).delete()
        await LtvPrediction.bulk_create([
            LtvPrediction(team_id=team.id, team_contact_id=p.id, expected_purchases=p.expected_purchases,
                          expected_spend=p.expected_spend, probability_alive=p.probability_alive, fitted_at=now)
            for p in result.predictions
        ], batch_size=1000, using_db=tx)
    return fit


async def fit_all_teams(now: datetime | None = None) -> int:
    """Daily: every team with orders in the last two years."""
    now = now or datetime.now(UTC)
    since = now - timedelta(days=730)
    from app.commerce.models import Order

    team_ids = sorted(set(await Order.filter(placed_at__gte=since).distinct().values_list("team_id", flat=True)))
    fitted = 0
    for team in await Team.filter(id__in=team_ids).order_by("id"):
        fit = await fit_team(team, now)
        fitted += fit.status == LtvFitStatus.OK
    return fitted
