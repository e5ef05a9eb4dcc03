"""Demo inspections on schedule, with readings, a few abnormal answers and missed slots."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import time, timedelta
from typing import Any

from sqlalchemy import select

from app.core.profile import Severity
from app.core.timeutil import LOCAL_TZ, local_dt
from app.services.demo.data import ABNORMAL_RATE, ABNORMAL_TO_INCIDENT_RATE, MISSED_SLOT_RATE
from app.services.demo.incidents import incident
from app.services.demo.state import Gen, reading_value, walk
from app.services.inspection.runs import is_abnormal, range_text
from app.services.inspection.schedule import due_slots
from app.store.models import (
    ChecklistItem,
    ChecklistTemplate,
    Inspection,
    InspectionResult,
)


def inspections(g: Gen) -> None:
    s, c, rng = g.s, g.c, g.rng
    tpls = {t.id: t for t in s.scalars(select(ChecklistTemplate).where(ChecklistTemplate.contract_id == c.id))}
    items: dict[uuid.UUID, list[ChecklistItem]] = defaultdict(list)
    for it in s.scalars(select(ChecklistItem).where(ChecklistItem.template_id.in_(list(tpls)), ChecklistItem.active)
                        .order_by(ChecklistItem.template_id, ChecklistItem.position)):
        items[it.template_id].append(it)
    done = {(a, b, c_) for a, b, c_ in s.execute(select(Inspection.template_id, Inspection.due_date, Inspection.slot)
                                                 .where(Inspection.contract_id == c.id))}
    last_noon = local_dt(g.end, time(12, 0))
    for slot in due_slots(s, c, g.start, g.end):
        if (slot.template_id, slot.due_date, slot.slot) in done:
            continue
        if slot.due_date == g.end and slot.window_start > last_noon:
            continue  # the last afternoon is left to do
        if rng.random() < MISSED_SLOT_RATE:
            g.counts["missed_slots"] += 1
            continue
        tpl = tpls[slot.template_id]
        if slot.frequency in ("weekly", "monthly", "quarterly"):
            last = min((slot.window_end - timedelta(seconds=1)).astimezone(LOCAL_TZ).date(), g.end)
            days = [d for d in walk(slot.due_date, last) if g.working(d)][:8] or [slot.due_date]
            day = rng.choice(days)
            started = local_dt(day, time(rng.randint(9, 15), rng.randint(0, 59)))
            eng = rng.choice(g.engineers)
        else:
            t0 = slot.window_start
            if slot.slot:
                hh, mm = map(int, slot.slot.split(":"))
                t0 = local_dt(slot.due_date, time(hh, mm))
            started = t0 + timedelta(minutes=rng.randint(-5, 35), seconds=rng.randint(0, 59))
            eng = g.lead if rng.random() < 0.15 else rng.choice(g.workers)
        if started > g.horizon:
            continue
        iid = g.uid()
        tpl_items = items.get(tpl.id, [])
        at = started
        abnormal_count = 0
        abnormal_results = []
        for it in tpl_items:
            at += timedelta(seconds=rng.randint(20, 150))
            bad = rng.random() < ABNORMAL_RATE.get(it.kind, 0)
            number, text = None, ""
            if it.kind == "reading":
                number = reading_value(rng, it.normal_min, it.normal_max, it.unit, bad)
                outcome = "abnormal" if is_abnormal("reading", number, None, it.normal_min, it.normal_max, None) else "normal"
            elif it.kind == "choice":
                normal = [str(x) for x in it.normal_choices] or [str(x) for x in it.choices]
                others = [str(x) for x in it.choices if str(x) not in normal]
                text = rng.choice(others) if bad and others else (normal[0] if normal else "")
                outcome = "abnormal" if is_abnormal("choice", None, text, None, None, it.normal_choices) else "normal"
            elif it.kind == "text":
                text, outcome = "已完成，无异常", "normal"
            else:
                outcome = "abnormal" if bad else "normal"
            note = ""
            if outcome == "abnormal":
                abnormal_count += 1
                note = rng.choice(["已现场复核", "已通知相关人员", "持续观察", "已报修"])
            row = g.add(InspectionResult, {
                "inspection_id": iid, "item_id": it.id, "position": it.position, "section": it.section,
                "item_text": it.text, "kind": it.kind, "unit": it.unit, "normal_min": it.normal_min,
                "normal_max": it.normal_max, "service_id": it.service_id, "asset_id": it.asset_id,
                "outcome": outcome, "value_number": number, "value_text": text, "note": note, "recorded_at": at,
            })
            if outcome == "abnormal":
                abnormal_results.append(row)
        finished = at + timedelta(minutes=rng.randint(1, 6))
        g.add(Inspection, {
            "id": iid, "number": g.number("INS", local_dt(slot.due_date, time(12))), "contract_id": c.id,
            "template_id": tpl.id, "template_name": tpl.name, "due_date": slot.due_date, "slot": slot.slot,
            "engineer_id": eng.id, "started_at": started, "finished_at": finished,
            "abnormal_count": abnormal_count, "note": "",
        })
        g.counts["inspections"] += 1
        g.counts["results"] += len(tpl_items)
        g.counts["abnormal_results"] += abnormal_count
        for r in abnormal_results:
            if rng.random() < ABNORMAL_TO_INCIDENT_RATE:
                value = (f"{r['value_number']:g}{(' ' + r['unit']) if r['unit'] else ''}"
                         if r["value_number"] is not None else (r["value_text"] or "异常"))
                rng_txt = range_text(r["normal_min"], r["normal_max"], r["unit"])
                incident(
                    g, occurred=r["recorded_at"], source="inspection", eng=eng,
                    title=f"巡检异常：{r['item_text']}" + (f" {value}" if r["value_number"] is not None else ""),
                    description=f"巡检 {tpl.name} {slot.label}\n{r['section']} / {r['item_text']}: {value}"
                    + (f"（正常范围 {rng_txt}）" if rng_txt else ""),
                    service_id=r["service_id"], asset_id=r["asset_id"], result_id=r["id"],
                    severity=proposed(g, tpl.code, r),
                )


def proposed(g: Gen, checklist: str, r: dict[str, Any]) -> Severity | None:
    """The level the profile gives a fault from this checklist item (as the app proposes it)."""
    svc = next((x.code for x in g.services if x.id == r["service_id"]), None)
    asset = next((x.code for x in g.assets if x.id == r["asset_id"]), None)
    return g.profile.severity(g.profile.default_severity(
        checklist=checklist, item=r["item_text"], service=svc, asset=asset))

