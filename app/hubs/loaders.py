"""Per-request dataloaders for hub pages (members with their contacts, without N+1)."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from app.contacts.models import TeamContact


def team_contact_loader(team_id: int) -> DataLoader[int, TeamContact | None]:
    async def load(ids: list[int]) -> list[TeamContact | None]:
        rows = {c.id: c for c in await TeamContact.filter(team_id=team_id, id__in=ids)}
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)
