// A ballot not yet sent, kept in this browser (localStorage, one key per vote) so that it survives
// a reload; cleared once the ballot is sent. It holds item ids and points only, nothing about who
// fills it in.

const key = (voteId) => `plein.vote.${voteId}.draft`;

/** The draft's choices ([{itemId, points}]) and when it was saved, or null. */
export function loadDraft(voteId) {
  try {
    const draft = JSON.parse(localStorage.getItem(key(voteId)) ?? 'null');
    return Array.isArray(draft?.choices) ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(voteId, choices) {
  try {
    localStorage.setItem(key(voteId), JSON.stringify({ choices, savedAt: new Date().toISOString() }));
  } catch {
    // Private windows and full storage: the ballot still works, only without surviving a reload.
  }
}

export function clearDraft(voteId) {
  try {
    localStorage.removeItem(key(voteId));
  } catch {
    // As above: nothing was kept.
  }
}
