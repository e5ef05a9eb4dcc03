"""Demo data (演示数据): a realistic, deterministic history for any contract.

``generate_demo`` fills ``days`` days ending ``end`` (local dates) with:

- inspections on schedule (``app.services.inspection.schedule.due_slots``) by the contract's engineers,
  readings drawn near the middle of their normal range, a few abnormal answers (about 1 % of
  readings) of which most are turned into incidents (source ``inspection``, linked back through
  ``source_result_id``), and gaps where an engineer missed a slot (about 3 %) — ``inspections``;
- incidents reported by phone / IM / walk-in / monitoring with full timelines and ``IncidentEvent``
  status history (created → assigned → in_progress → sometimes pending and back → restored →
  closed), cause category, cause, resolution, root-cause analysis for major severities,
  ``IncidentService`` downtime windows and, where ``app.services.incident.sla`` can compute them, the SLA
  figures stored at close — ``incidents``;
- service requests over the profile's ``request_categories`` and ``service_desk.channels`` with
  assignment (sometimes reassignment), resolution and follow-up (most satisfied, some mostly
  satisfied, rare dissatisfied/complaint, some unrated); requirements with statuses by age, and
  manual work-log entries — ``desk``;
- the reports the profile owes, handed over and accepted for the periods that are due by the
  end (most on time, a few late, the latest ones sometimes still open) — ``deliveries``.

Records whose later steps fall after the demo horizon (18:00 local on ``end``) stay open at the
step reached then.  The same seed and arguments give identical data (ids included; only the one
``demo.generate`` audit event carries the wall-clock time).  Rows are bulk-inserted inside the
caller's transaction; numbers continue the ``NumberSequence`` counters.

``run_demo`` (``opsledger demo``) takes a shipped contract's name or any profile file and ends the
history at the contract's end or today, whichever is first, starting at the term's start unless
``days`` says otherwise (``demo_span``).
"""

from app.services.demo.generate import generate_demo
from app.services.demo.run import (
           RECORD_KINDS,
           DatabaseNotEmpty,
           DemoRun,
           demo_span,
           existing_records,
           run_demo,
)

__all__ = ["RECORD_KINDS", "DatabaseNotEmpty", "DemoRun", "demo_span", "existing_records", "generate_demo",
           "run_demo"]
