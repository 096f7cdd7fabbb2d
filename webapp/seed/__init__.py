"""Demo content for a fictional municipality."""
