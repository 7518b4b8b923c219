"""Policy-as-code: controls declared in the policies' front matter, evaluated against the records."""
