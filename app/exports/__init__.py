"""Files made from a plan: iCalendar (.ics), a versioned JSON file (export and import), a QR code
for the share link (SVG) and a PDF. Plain inputs in, bytes out: no Flask, no database."""
from app.exports.calendar import CalendarEvent, plan_calendar
from app.exports.pdf import html_to_pdf
from app.exports.pdfcache import PdfCache
from app.exports.planfile import MAX_FILE_BYTES, SCHEMA, VERSION, ImportError_, export_plan, import_plan
from app.exports.qr import qr_data_uri, qr_svg

__all__ = ["CalendarEvent", "plan_calendar", "MAX_FILE_BYTES", "SCHEMA", "VERSION", "ImportError_", "export_plan", "import_plan",
           "qr_data_uri", "qr_svg", "html_to_pdf", "PdfCache"]
