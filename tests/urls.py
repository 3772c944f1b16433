"""Lists every named URL pattern of the project, for tests that must cover them all."""

from django.urls import URLPattern, URLResolver, get_resolver


def _walk(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            full = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
            yield from _walk(pattern.url_patterns, full)
        elif isinstance(pattern, URLPattern):
            if pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name
            else:
                unnamed = f"<unnamed {pattern.pattern}>"
                yield f"{namespace}:{unnamed}" if namespace else unnamed


def all_url_names():
    return sorted(set(_walk(get_resolver().url_patterns)))
