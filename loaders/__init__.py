"""Source documents → facts: read (bytes → text), structure (text → report), extract."""
