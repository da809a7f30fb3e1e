// Who is signed in. Holds the account and hands the CSRF token to the API; tells listeners
// (the header) when it changes.

export function createSession({ api }) {
  let state = { signedIn: false, account: null };
  const listeners = new Set();

  function set(answer) {
    state = { signedIn: Boolean(answer?.signedIn ?? answer?.account), account: answer?.account ?? null };
    api.setCsrfToken(answer?.csrfToken);
    listeners.forEach((listener) => listener(state));
  }

  return {
    get signedIn() { return state.signedIn; },
    get account() { return state.account; },
    /** Signed in with a full account: not signed out, and not a guest made by joining a meeting. */
    get member() { return state.signedIn && !state.account?.guest; },
    async refresh() {
      try {
        set(await api.get('/api/session'));
      } catch {
        set(null);
      }
    },
    async signIn(credentials) {
      set({ signedIn: true, ...(await api.post('/api/session', credentials)) });
    },
    async signOut() {
      await api.delete('/api/session');
      set(null);
    },
    replaceAccount(account) {
      state = { ...state, account };
      listeners.forEach((listener) => listener(state));
    },
    onChange(listener) { listeners.add(listener); },
  };
}
