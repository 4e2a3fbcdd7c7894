// Playing a standalone element's timeline: one step per tick at the chosen
// speed, until the tick says there is nothing more to show. A chain of
// timeouts rather than an interval, so a slow step delays the next one
// instead of piling ticks up behind it.

export class Playback {
  #timer = 0;
  #speed = 8;
  #tick = null;

  get playing() {
    return this.#tick !== null;
  }

  /** @param {number} stepsPerSecond */
  set speed(stepsPerSecond) {
    this.#speed = stepsPerSecond;
  }

  /** @param {() => boolean} tick one step; false when the end is reached */
  start(tick) {
    this.stop();
    this.#tick = tick;
    this.#next();
  }

  stop() {
    clearTimeout(this.#timer);
    this.#timer = 0;
    this.#tick = null;
  }

  #next() {
    this.#timer = setTimeout(() => {
      const tick = this.#tick;
      if (!tick) return;
      if (tick()) this.#next();
      else if (this.#tick === tick) this.#tick = null;
    }, 1000 / this.#speed);
  }
}
