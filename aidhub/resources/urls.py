from django.urls import path

from aidhub.resources.views import flyer, organize, public

app_name = "resources"

urlpatterns = [
    # The public.
    path("resources/", public.resource_list, name="list"),
    path("resources/flyer/", flyer.flyer, name="flyer"),
    path("resources/<int:pk>/", public.resource_detail, name="detail"),
    path("resources/<int:pk>/file/", public.resource_file, name="file"),
    # Organizers.
    path("organize/resources/", organize.organizer_resource_list, name="organize"),
    path("organize/resources/new/", organize.resource_create, name="create"),
    path("organize/resources/<int:pk>/", organize.resource_edit, name="edit"),
    path("organize/resources/<int:pk>/publish/", organize.resource_publish, name="publish"),
    path("organize/resources/<int:pk>/unpublish/", organize.resource_unpublish, name="unpublish"),
    path("organize/resources/<int:pk>/file/", organize.resource_file_preview, name="file_preview"),
    path("organize/resources/<int:pk>/translations/", organize.resource_translations, name="translations"),
    path(
        "organize/resources/<int:pk>/translations/<str:language>/",
        organize.resource_translation_save,
        name="translation_save",
    ),
]
