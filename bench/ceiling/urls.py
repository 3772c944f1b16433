from django.http import HttpResponse
from django.urls import path

PAGE = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Ceiling</title></head>'
    "<body><h1>Hello</h1><p>A small page from a bare Django view.</p></body></html>\n"
)


def hello(request):
    return HttpResponse(PAGE)


urlpatterns = [path("", hello)]
