"""jing (James Clark's RELAX NG validator) as an independent check of the same grammar.

jing runs once per batch: it compiles the grammar once and checks every file given. Files
reach jing only after the safe parser accepted them (no DTD, no entities), so jing never
expands an entity or fetches anything.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from provenance.errors import UsageError

_LINE = re.compile(r"^(?P<path>.*?):(?P<line>-?\d+):(?P<col>-?\d+): (?P<sev>error|warning|fatal): (?P<msg>.*)$")

INSTALL_HINT = ("--engine jing needs the jing program, which is not on PATH "
                "(Debian/Ubuntu: apt-get install jing); use --engine lxml instead")


def jing_command() -> str | None:
    """Path of the jing executable, or None. PROVENANCE_JING overrides the lookup."""
    env = os.environ.get("PROVENANCE_JING")
    if env is not None:
        return env if env and Path(env).is_file() and os.access(env, os.X_OK) else None
    return shutil.which("jing")


def require_jing() -> str:
    cmd = jing_command()
    if cmd is None:
        raise UsageError(INSTALL_HINT)
    return cmd


def run_jing(schema: Path, files: list[str], timeout: float = 600) -> dict[str, list[dict]]:
    """Findings per file (path as given) from one jing run over ``files``."""
    cmd = require_jing()
    out: dict[str, list[dict]] = {f: [] for f in files}
    if not files:
        return out
    try:
        proc = subprocess.run([cmd, str(schema), *files], capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise UsageError(f"jing did not finish within {int(timeout)} s") from None
    except OSError as exc:
        raise UsageError(f"jing could not be run ({exc})") from None
    by_abs = {str(Path(f).resolve()): f for f in files}
    unparsed = []
    for raw in (proc.stdout + "\n" + proc.stderr).splitlines():
        raw = raw.rstrip()
        if not raw:
            continue
        m = _LINE.match(raw)
        if not m:
            unparsed.append(raw)
            continue
        p = m.group("path")
        key = p if p in out else by_abs.get(str(Path(p).resolve()))
        if key is None:
            if Path(p).resolve() == Path(schema).resolve():
                raise UsageError(f"jing cannot use the schema: {m.group('msg')}", str(schema),
                                 int(m.group("line")))
            unparsed.append(raw)
            continue
        out[key].append(dict(line=max(0, int(m.group("line"))), column=max(0, int(m.group("col"))),
                             severity="warning" if m.group("sev") == "warning" else "error",
                             message=m.group("msg")))
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and not any(out.values())):
        detail = unparsed[0] if unparsed else f"exit status {proc.returncode}"
        raise UsageError(f"jing failed: {detail}")
    return out
