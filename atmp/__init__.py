"""The pure core of the ATMP dashboard: no Dash imports below this package."""
