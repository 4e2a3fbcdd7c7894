// Counts what a player asks of one keyframe's snapshot: the slices of its
// restore's copy (prepareRestore), its restores, and those made without a
// whole prepared copy (one copy of the heap at once: a long task on a big map).
export function spyRestores(snap) {
  const log = { slices: 0, restores: 0, unprepared: 0 };
  let ready = false;
  const prepareRestore = snap.prepareRestore;
  snap.prepareRestore = (o) => {
    log.slices++;
    ready = prepareRestore(o);
    return ready;
  };
  const restore = snap.restore;
  snap.restore = () => {
    log.restores++;
    if (!ready) log.unprepared++;
    ready = false;
    return restore();
  };
  return log;
}
