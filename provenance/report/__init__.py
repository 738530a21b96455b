"""The HTML divergence report (`provenance audit`): one self-contained page per comparison."""

from provenance.report.audit import audit_paths, default_report_path, run_time_now, write_report
from provenance.report.render import embed_json, render_report

__all__ = ["audit_paths", "default_report_path", "embed_json", "render_report", "run_time_now", "write_report"]
