package nl.plein.projects;

/** The languages Plein's client speaks; a project names the one it opens in. */
public enum Language {
    NL,
    EN
}
