from django.urls import path

from aidhub.offers import views

app_name = "offers"

urlpatterns = [
    path("offers/", views.offer_list, name="list"),
    path("offers/<int:pk>/", views.offer_detail, name="detail"),
    path("my/offers/new/", views.offer_create, name="create"),
    path("my/offers/<int:pk>/edit/", views.offer_edit, name="edit"),
    path("my/offers/<int:pk>/pause/", views.offer_pause, name="pause"),
    path("my/offers/<int:pk>/resume/", views.offer_resume, name="resume"),
    path("my/offers/<int:pk>/archive/", views.offer_archive, name="archive"),
    path("organize/offers/", views.review_queue, name="review_queue"),
    path("organize/offers/<int:pk>/", views.review, name="review"),
]
