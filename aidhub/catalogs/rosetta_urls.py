"""Rosetta's pages under their own names (its templates link to them), each behind our access rules."""

from django.urls import re_path

from aidhub.catalogs import views

LANGUAGE = r"(?P<lang_id>[\w\-]+)"

urlpatterns = [
    re_path(r"^files/(?P<po_filter>[\w-]+)/$", views.catalog_files, name="rosetta-file-list"),
    re_path(rf"^files/(?P<po_filter>[\w-]+)/{LANGUAGE}/(?P<idx>\d+)/$", views.catalog_form, name="rosetta-form"),
    re_path(
        rf"^files/(?P<po_filter>[\w-]+)/{LANGUAGE}/(?P<idx>\d+)/download/$",
        views.catalog_download,
        name="rosetta-download-file",
    ),
    re_path(r"^suggest/$", views.no_suggestions, name="rosetta.translate_text"),
]
