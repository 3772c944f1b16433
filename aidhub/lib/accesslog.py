"""gunicorn's logger for AidHub (gunicorn.conf.py, logger_class): private tokens and control characters never
reach its access or error log."""

import re
from collections.abc import MutableMapping
from datetime import timedelta
from typing import TYPE_CHECKING, Any, cast

from gunicorn.config import Config
from gunicorn.glogging import Logger
from gunicorn.http import Request
from gunicorn.http.wsgi import Response

from aidhub.lib.redaction import RedactingFilter, log_safe

if TYPE_CHECKING:
    from gunicorn.glogging import _AtomsDict


class PrivateLogger(Logger):
    """Every field of the access log format is escaped and redacted: `%(U)s` is the decoded path, so a request
    for /x%0d%0aforged would otherwise write a line of its own, and private links carry their token in it.
    The error log (which quotes request lines) goes through the filter Django's logs use."""

    def setup(self, cfg: Config) -> None:
        super().setup(cfg)
        # Only the fields the format writes are made safe: the others (headers, environ) cost time for nothing.
        names = re.findall(r"%\(([^)]+)\)", cfg.access_log_format)
        self.logged_atoms = [name.lower() if name.startswith("{") else name for name in names]
        if not any(isinstance(existing, RedactingFilter) for existing in self.error_log.filters):
            self.error_log.addFilter(RedactingFilter())

    def atoms(
        self, resp: Response, req: Request, environ: MutableMapping[str, Any], request_time: timedelta
    ) -> "_AtomsDict":
        atoms = super().atoms(resp, req, environ, request_time)
        values = cast("dict[str, object]", atoms)  # the names come from the configured format
        for name in self.logged_atoms:
            value = values.get(name)
            if isinstance(value, str):
                values[name] = log_safe(value)
        return atoms
