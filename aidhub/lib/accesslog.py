"""gunicorn's logger for AidHub (gunicorn.conf.py, logger_class): private tokens and control characters never
reach its access or error log."""

import re

from gunicorn.glogging import Logger

from aidhub.lib.redaction import RedactingFilter, log_safe


class PrivateLogger(Logger):
    """Every field of the access log format is escaped and redacted: `%(U)s` is the decoded path, so a request
    for /x%0d%0aforged would otherwise write a line of its own, and private links carry their token in it.
    The error log (which quotes request lines) goes through the filter Django's logs use."""

    def setup(self, cfg):
        super().setup(cfg)
        # Only the fields the format writes are made safe: the others (headers, environ) cost time for nothing.
        names = re.findall(r"%\(([^)]+)\)", cfg.access_log_format)
        self.logged_atoms = [name.lower() if name.startswith("{") else name for name in names]
        if not any(isinstance(existing, RedactingFilter) for existing in self.error_log.filters):
            self.error_log.addFilter(RedactingFilter())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name in self.logged_atoms:
            value = atoms.get(name)
            if isinstance(value, str):
                atoms[name] = log_safe(value)
        return atoms
