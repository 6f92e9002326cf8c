"""run: the pipeline that ties read -> clean -> analyse -> events together, and the CLI."""
