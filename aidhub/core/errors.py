"""Error reports (emails to ADMINS, debug pages) that leave out everything a person sent."""

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter


class PrivacyExceptionReporterFilter(SafeExceptionReporterFilter):
    """Hides form fields, cookies, client addresses and headers that could identify someone."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_safe_cookies(self, request):
        return dict.fromkeys(request.COOKIES, self.cleansed_substitute)

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        for key in list(meta):
            if key.startswith("HTTP_") or key in ("REMOTE_ADDR", "QUERY_STRING", "REMOTE_HOST"):
                meta[key] = self.cleansed_substitute
        return meta

    def get_traceback_frame_variables(self, request, tb_frame):
        # Local variables of views and forms hold what people typed: show their names only.
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]

    def is_active(self, request):
        # Also when DEBUG is on: nobody needs a family's data to debug.
        return True


class PrivacyExceptionReporter(ExceptionReporter):
    """Also drops the query string (private status tokens travel there) and uploaded file names."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None:
            data["request_GET_items"] = [(key, self.filter.cleansed_substitute) for key in self.request.GET]
            data["request_FILES_items"] = [(key, self.filter.cleansed_substitute) for key in self.request.FILES]
            data["request_insecure_uri"] = self.request.path
        return data
