"""The plan's dated steps as an iCalendar file (RFC 5545) with a reminder before each."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from icalendar import Alarm, Calendar, Event

PRODID = "-//Vägval//Plan//SV"
REMIND_BEFORE = timedelta(days=2)      # a reminder two days before each deadline


@dataclass(frozen=True)
class CalendarEvent:
    uid: str               # stable per step: the same step gives the same UID in every export
    day: date
    summary: str
    description: str = ""
    url: str | None = None
    end: date | None = None  # the last day, for an event that spans days (a study step from start to finish)


def plan_calendar(events: list[CalendarEvent], *, name: str, alarm_text: str, language: str = "sv",
                  now: datetime | None = None) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    stamp = now or datetime.now(timezone.utc)
    for e in events:
        ev = Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", e.day)                       # a whole day: VALUE=DATE
        ev.add("dtend", (e.end or e.day) + timedelta(days=1))
        ev.add("summary", e.summary, parameters={"LANGUAGE": language.replace("_", "-").split("@")[0]})
        if e.description:
            ev.add("description", e.description)
        if e.url:
            ev.add("url", e.url)
        ev.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{alarm_text}: {e.summary}")
        alarm.add("trigger", -REMIND_BEFORE)
        ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()
