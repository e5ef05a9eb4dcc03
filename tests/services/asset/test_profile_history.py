"""Importing a contract profile again keeps the register's history: an asset the profile changes
gets one history entry per changed field, with who imported it."""

from __future__ import annotations

import copy

from sqlalchemy import select

from app.services.asset.queries import asset_view
from app.services.contract.profiles import import_profile, load_profile_file
from app.store.models import Asset, AssetChange
from tests.conftest import PROFILES


def test_profile_reimport_is_kept_in_the_asset_history(db, pinggu) -> None:
    data = load_profile_file(PROFILES / "pinggu-court-2026.yaml")
    with db.session() as s:
        first = s.scalars(select(Asset).where(Asset.contract_id == pinggu.id).order_by(Asset.code)).first()
        code, old_location = first.code, first.location
        assert [c.field for c in s.scalars(select(AssetChange).where(AssetChange.asset_id == first.id))] == ["created"]
    changed = copy.deepcopy(data)
    entry = next(a for a in changed["assets"] if a["code"] == code)
    entry["location"] = "二号机房"
    with db.session() as s:
        import_profile(s, changed, actor="李晓明")
    with db.session() as s:
        aid = s.scalars(select(Asset.id).where(Asset.contract_id == pinggu.id, Asset.code == code)).one()
    hist = [(h.field, h.old, h.new, h.actor) for h in asset_view(db, aid).history]
    assert hist[0] == ("location", old_location, "二号机房", "李晓明") and len(hist) == 2
    with db.session() as s:  # the same profile again changes nothing and writes no history
        import_profile(s, changed, actor="李晓明")
    assert len(asset_view(db, aid).history) == 2
