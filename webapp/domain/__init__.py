"""Domain rules: plain functions and data with no Flask imports.

Everything here can be tested on its own and reused by the CLI, the web
routes and the benchmarks alike.
"""
