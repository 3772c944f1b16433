app_name = "callouts"

urlpatterns: list = []
