// Runs async sections one after another. The alert service decides "duplicate? over the limit?" and
// inserts the row inside one section, so two alerts raised at once in this process cannot both pass
// the same check.

export class Serial {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(section);
    // A failed section must not block the ones queued behind it.
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
