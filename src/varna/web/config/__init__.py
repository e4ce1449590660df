"""Project configuration: settings read from the environment, the URL map, WSGI."""
