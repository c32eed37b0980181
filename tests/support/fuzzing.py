"""How the request fuzz tests run: the same examples on every run, and no deadline (a busy
machine is not a failure)."""

from hypothesis import HealthCheck, settings

REQUEST_FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
