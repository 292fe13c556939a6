/**
 * A service wired later than the one that needs it. The composition root builds contexts in order, but a few
 * callbacks point forward (compliance warns the rooms built with the live context; a live session's totals come
 * from orders): such a dependency is passed as a Late, set once its service exists and read only when called.
 */
export interface Late<T> {
  get(): T;
  set(value: T): void;
}

export function late<T>(what: string): Late<T> {
  let value: { v: T } | null = null;
  return {
    get() {
      if (!value) throw new Error(`${what} is used before it is wired`);
      return value.v;
    },
    set(v) {
      value = { v };
    },
  };
}
