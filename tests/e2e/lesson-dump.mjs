// A lesson step as the page's player holds it, turned into the dumps that
// web/lessons/check.mjs checks a step's `expect` against (the JSON lines
// `gomap --trace` prints: header fields and bucket chains of the map after
// the step, and per command its result, keys, hashes and trace). Lets a test
// hold what the page shows to every claim a lesson makes, without the CLI.

/**
 * What the page knows about step k, read where the player is (the end of
 * the step). Self-contained on purpose: page.evaluate sends its source to
 * the browser (see readStepInPage); node tests call it directly.
 */
export function readStep({ player, plan, k }) {
  const { first, last } = plan.steps[k];
  const ops = [];
  for (let j = first; j <= last; j++) {
    const op = player.history.ops[j];
    // eventsOf may re-run the operation; it puts the session back after.
    ops.push({ command: op.command, outcome: op.outcome, events: op.traced ? player.eventsOf(j) : [] });
  }
  return { position: player.position, state: player.map.state(), ops };
}

/** readStep run inside the page, on the playground's open lesson. */
export function readStepInPage(page, k) {
  return page.evaluate(`(${readStep})({ player: window.goMapPlayground.app.player, plan: window.goMapPlayground.lessons.plan, k: ${Number(k)} })`);
}

// state() slots are {t:[], k:[], v:[]} per bucket; the CLI's are {s:[{t,k,v}]}.
function chainsOf(chains, intValues) {
  return chains?.map((chain) => chain.map((b) => ({
    s: b.t.map((t, i) => {
      const slot = { t };
      if (b.k[i] !== null && b.k[i] !== undefined) slot.k = b.k[i];
      if (b.v[i] !== null && b.v[i] !== undefined) slot.v = intValues ? Number(b.v[i]) : b.v[i];
      return slot;
    }),
  })));
}

/** The CLI-shaped dumps of one step, in command order; the last carries the map. */
export function stepDumps({ state, ops }) {
  const h = state.header;
  const dumps = ops.map((op) => {
    const d = { op: op.command, trace: op.events ?? [] };
    for (const key of ['result', 'keys', 'start', 'offset', 'hashes']) {
      if (op.outcome?.[key] !== undefined) d[key] = op.outcome[key];
    }
    return d;
  });
  // Go 1.26: the session's Swiss dump is the CLI's (plus addresses the
  // checks ignore).
  if (state.swiss) {
    Object.assign(dumps[dumps.length - 1], state.swiss);
    return dumps;
  }
  // The CLI prints int64 values as JSON numbers, other values as text.
  const intValues = /\]int64$/.test(h.type.name);
  Object.assign(dumps[dumps.length - 1], {
    count: h.count ?? 0,
    flags: h.flags ?? 0,
    B: h.B ?? 0,
    noverflow: h.noverflow ?? 0,
    hash0: h.hash0,
    nevacuate: h.nevacuate ?? 0,
    buckets: chainsOf(state.buckets, intValues),
    oldbuckets: h.oldbuckets && h.oldbuckets !== '0' ? chainsOf(state.oldbuckets, intValues) : undefined,
  });
  return dumps;
}
