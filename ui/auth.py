"""Who may change the data from the app: editors only; every other visitor reads.

Two ways to be an editor (docs/adding-data.md, "Vem får importera"):

- **A single-analyst machine**: start the app with ``REGIONSTATS_EDITOR=1``; everyone who can
  reach that server is an editor, so use it only where the app listens on localhost.
- **A shared server**: configure Streamlit's own login (OpenID Connect) in
  ``.streamlit/secrets.toml`` (an ``[auth]`` section) and list the editors' e-mail addresses:
  ``[regionstats] editors = ["analys@regionorebrolan.se"]`` (``"*"``: everyone who can log in).

Without either, the served dashboard is read-only. The command line is not affected: whoever
has the files can change them anyway.
"""

import os

import streamlit as st

from regionstats.i18n import t
from ui.render import plain

EDITOR_ENV = "REGIONSTATS_EDITOR"
TRUE_WORDS = ("1", "true", "yes", "ja")


def local_editor() -> bool:
    """The single-analyst setting: REGIONSTATS_EDITOR=1 in the server's environment."""
    return os.environ.get(EDITOR_ENV, "").strip().lower() in TRUE_WORDS


def _secret_section(name: str) -> dict:
    """A section of secrets.toml, or {} when there is no secrets file or no such section."""
    try:
        if not st.secrets.load_if_toml_exists():
            return {}
        return dict(st.secrets.get(name) or {})
    except Exception:  # a secrets file that does not parse is as good as none here
        return {}


def login_configured() -> bool:
    """True when secrets.toml has an [auth] section, i.e. st.login can be offered."""
    return bool(_secret_section("auth"))


def logged_in() -> bool:
    """st.user.is_logged_in, which does not even exist unless login is configured."""
    try:
        return st.user.get("is_logged_in") is True
    except Exception:
        return False


def user_email() -> str:
    try:
        return str(st.user.get("email") or "")
    except Exception:
        return ""


def editors() -> set[str]:
    """The e-mail addresses in [regionstats] editors, lower-case."""
    listed = _secret_section("regionstats").get("editors") or []
    if isinstance(listed, str):
        listed = [listed]
    return {str(e).strip().lower() for e in listed if str(e).strip()}


def is_editor() -> bool:
    """May this visitor import and undo? Decided on every run, never remembered in the session."""
    if local_editor():
        return True
    if not (login_configured() and logged_in()):
        return False
    allowed = editors()
    return "*" in allowed or user_email().lower() in allowed


def editor_gate(lang: str) -> bool:
    """True for an editor; a visitor instead reads why there is nothing to change, and a login if offered."""
    if is_editor():
        return True
    st.header(t("import_title", lang))
    if login_configured() and logged_in():
        st.info(t("editor_not_listed", lang, email=plain(user_email())))
        st.button(t("editor_logout", lang), key="editor_logout", on_click=st.logout)
        return False
    st.info(t("editors_only", lang))
    if login_configured():
        st.button(t("editor_login", lang), key="editor_login", on_click=st.login)
    return False


def editor_status(lang: str) -> None:
    """Under the import section: who is the editor here, and a logout where there was a login."""
    if local_editor():
        st.caption(t("editor_local", lang))
    elif logged_in():
        st.caption(t("editor_signed_in", lang, email=plain(user_email())))
        st.button(t("editor_logout", lang), key="editor_logout", on_click=st.logout)
