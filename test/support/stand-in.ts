// An object that stands for one a suite starts in beforeAll: every read and write is forwarded to
// the running instance, so a suite can name it once at the top and use it in every test.

/** Forwards every property read (methods bound) and write to `running()`. */
export function standIn<T extends object>(prototype: object, running: () => T): T {
  return new Proxy(Object.create(prototype) as T, {
    get(_, key) {
      const target = running();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
    // `github.mode = "forbid-writes"`, `api.override = {}` set the running instance's fields.
    set(_, key, value) {
      const target = running();
      return Reflect.set(target, key, value, target);
    },
  });
}
