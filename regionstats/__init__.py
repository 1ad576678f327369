"""regionstats: the warehouse, queries and charts behind the life science dashboard.

Layers, from the bottom up:
    config    where the data and the cache live (read from the environment on each call)
    schema    what the CSV files in data/ must look like
    validate  checks data/ against the schema and reports file, line and column
    db        builds the DuckDB warehouse from data/ and opens a locked connection
    queries   runs queries/*.sql with named $parameters
Nothing here imports streamlit except ``cached``.
"""
