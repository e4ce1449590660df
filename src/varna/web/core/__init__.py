"""What every page shares: security headers, the site context, the home and error pages."""
