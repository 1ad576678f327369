"""Streamlit rendering for the dashboard: the shared sidebar, URL state and page rendering.

Kept outside the ``regionstats`` package, which stays free of Streamlit (but for its cache).
"""
