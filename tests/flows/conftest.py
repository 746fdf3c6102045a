"""Flow tests: every GET a test client makes is checked for the page invariants (tests/pages.py),
not only where a test asks for it."""
from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.pages import assert_response_invariants


class PageCheckingClient(FlaskClient):
    def get(self, *args, **kwargs):
        response = super().get(*args, **kwargs)
        assert_response_invariants(response)
        return response


@pytest.fixture
def create_app_for(create_app_for):
    """The shared factory, with clients that check every page they fetch."""
    def _create(*args, **kwargs):
        app = create_app_for(*args, **kwargs)
        app.test_client_class = PageCheckingClient
        return app
    return _create
