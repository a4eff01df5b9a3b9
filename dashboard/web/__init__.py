"""How the app's responses travel: compression and cache lifetimes (HTTP, not content)."""
