ROWS = {
    # Organizers only: charts of their own areas and organizations (another organizer sees their own figures).
    "insights:page": (None, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    # Each chart's table as CSV (audited); an unknown chart answers 404 (tests/insights/test_charts.py).
    "insights:chart_csv": (
        {"chart": "requests"},
        "302 302 403 403 403 200 200 403",
        "405 405 405 405 405 405 405 405",
    ),
}
