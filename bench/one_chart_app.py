"""The floor for bench/first_paint.py: a Streamlit app with a title and one three-bar Plotly chart, nothing
else. A link to it opened in a fresh tab costs what Streamlit and Plotly cost in the browser."""

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="Ett diagram", layout="wide")
st.title("Ett diagram")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])), width="stretch")
