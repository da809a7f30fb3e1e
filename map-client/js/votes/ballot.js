// A ballot being filled in: the choices (item → points) in the pots this person votes in, with
// the vote's rules checked as each choice is made, so that a choice that breaks them is refused
// with its reason before anything is sent (the server checks the same rules again):
// knapsack — the chosen items' costs fit each pot; approval — between minItems and maxItems items
// per pot; cumulative — at most `points` points per pot and `maxPointsPerItem` on one item.

/** The items of GET /api/votes/{id}/items as plain records (geometry kept, null when none). */
export function itemsOf(collection) {
  return (collection?.features ?? []).map((feature) => {
    const p = feature.properties ?? {};
    return {
      id: Number(p.id ?? feature.id),
      potId: Number(p.potId),
      title: p.title ?? '',
      description: p.description ?? '',
      reason: p.reason ?? '',
      cost: Number(p.cost),
      geometry: feature.geometry ?? null,
    };
  });
}

/** The vote's pots this person votes in, in the vote's order (city-wide first when it has one). */
export function potsOf(vote, potIds) {
  const wanted = new Set(potIds.map(Number));
  const pots = vote.pots.filter((pot) => wanted.has(Number(pot.id)));
  const order = (pot) => (pot.areaId === null || pot.areaId === undefined ? 0 : 1);
  return pots.sort((a, b) => order(a) - order(b));
}

export function createBallot({ vote, items, pots }) {
  const potIds = new Set(pots.map((pot) => Number(pot.id)));
  const byId = new Map(items.filter((item) => potIds.has(item.potId)).map((item) => [item.id, item]));
  const choices = new Map();
  const listeners = new Set();
  const changed = (itemId) => listeners.forEach((listener) => listener({ itemId }));
  const potState = (pot) => tally(vote, byId, choices, pot);
  const potOf = (item) => pots.find((pot) => Number(pot.id) === item.potId);
  const refusal = (item) => refusalOf(vote, potState(potOf(item)), choices.get(item.id) ?? 0, item);

  /** Adds one point (or the item); answers the refusal, or null when done. */
  function add(itemId) {
    const item = byId.get(Number(itemId));
    if (!item) return { reason: 'unknown' };
    const refused = refusal(item);
    if (refused) return refused;
    choices.set(item.id, (choices.get(item.id) ?? 0) + 1);
    changed(item.id);
    return null;
  }

  /** Takes one point away (or the item, for knapsack and approval). */
  function remove(itemId, all = vote.ballotType !== 'cumulative') {
    const id = Number(itemId);
    const current = choices.get(id) ?? 0;
    if (current === 0) return;
    if (all || current === 1) choices.delete(id);
    else choices.set(id, current - 1);
    changed(id);
  }

  return {
    pots,
    items: [...byId.values()],
    item: (id) => byId.get(Number(id)),
    potOf,
    points: (itemId) => choices.get(Number(itemId)) ?? 0,
    potState,
    refusal,
    add,
    remove,
    /** Replaces every choice (a draft, or the ballot as cast); what is not on this ballot is left out. */
    set(entries) {
      choices.clear();
      for (const { itemId, points } of entries ?? []) {
        const id = Number(itemId);
        if (byId.has(id)) choices.set(id, vote.ballotType === 'cumulative' ? Math.max(1, Number(points) || 1) : 1);
      }
      changed(null);
    },
    /** The choices as the API takes them, pot by pot in the items' order. */
    entries() {
      return [...byId.values()].filter((item) => choices.has(item.id))
        .map((item) => ({ itemId: item.id, points: choices.get(item.id) }));
    },
    problems: () => problemsOf(vote, pots, potState, choices.size),
    onChange(listener) { listeners.add(listener); },
  };
}

/** A pot's chosen items: what they cost, how many, the points given, and what is left. */
function tally(vote, byId, choices, pot) {
  let spent = 0;
  let count = 0;
  let points = 0;
  for (const [itemId, n] of choices) {
    const item = byId.get(itemId);
    if (item.potId !== Number(pot.id)) continue;
    spent += item.cost;
    count += 1;
    points += n;
  }
  return {
    pot, spent, count, points, left: pot.budget - spent,
    pointsLeft: vote.points === null || vote.points === undefined ? null : vote.points - points,
  };
}

/** Why one more point (or the item, for knapsack and approval) cannot be given, or null. */
function refusalOf(vote, state, current, item) {
  if (current === 0 && vote.maxItems !== null && vote.maxItems !== undefined && state.count >= vote.maxItems) {
    return { reason: 'maxItems', max: vote.maxItems, state };
  }
  if (vote.ballotType === 'knapsack' && current === 0 && item.cost > state.left) return { reason: 'fit', state };
  if (vote.ballotType === 'cumulative') {
    if (state.pointsLeft <= 0) return { reason: 'points', state };
    if (vote.maxPointsPerItem && current >= vote.maxPointsPerItem) {
      return { reason: 'perItem', max: vote.maxPointsPerItem, state };
    }
  }
  return null;
}

/** What stops this ballot from being sent, pot by pot: over the budget, too few or too many items, too many points. */
function problemsOf(vote, pots, potState, size) {
  if (size === 0) return [{ kind: 'empty' }];
  const problems = [];
  for (const pot of pots) {
    const state = potState(pot);
    if (vote.ballotType === 'knapsack' && state.left < 0) problems.push({ kind: 'over', state });
    if (state.count > 0 || pots.length === 1) {
      if (state.count < (vote.minItems ?? 0)) problems.push({ kind: 'tooFew', min: vote.minItems, state });
    }
    if (vote.maxItems !== null && vote.maxItems !== undefined && state.count > vote.maxItems) {
      problems.push({ kind: 'tooMany', max: vote.maxItems, state });
    }
    if (state.pointsLeft !== null && state.pointsLeft < 0) problems.push({ kind: 'points', state });
  }
  return problems;
}
