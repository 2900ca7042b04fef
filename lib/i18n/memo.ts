/** A translator called with a key and plain values (strings and numbers), as next-intl's `t` is. */
export type PlainTranslator = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/**
 * The same translator, formatting each (key, values) once. A long list (a review chooser of every loaded review, a
 * report of a thousand recommendations) repeats the same few labels hundreds of times, and next-intl serialises its
 * formats on each call to find the cached message format, which costs more than the lookup here. Translation is a pure
 * function of the key and values for one locale, so the words are the same.
 */
export function memoTranslator(translate: PlainTranslator): PlainTranslator {
  const cache = new Map<string, string>();
  const memo = (key: string, values?: Record<string, string | number>): string => {
    const id = values === undefined ? key : `${key}\u0000${JSON.stringify(values)}`;
    let text = cache.get(id);
    if (text === undefined) {
      text = translate(key, values);
      cache.set(id, text);
    }
    return text;
  };
  return Object.assign(memo, { has: (key: string) => translate.has(key) });
}

/** One argument's function computed once per distinct argument (a date or number formatted for a long list). */
export function memoOne<A extends string | number, R>(compute: (argument: A) => R): (argument: A) => R {
  const cache = new Map<A, R>();
  return (argument) => {
    if (cache.has(argument)) return cache.get(argument)!;
    const result = compute(argument);
    cache.set(argument, result);
    return result;
  };
}

const slot = (index: number): string => `\uE000${index}\uE001`;

/**
 * `translate(key, values)` for a long list whose values differ in plain-text arguments (each review's State and label):
 * the message is formatted once per distinct other values, with a marker in each of `textArguments`, and each marker
 * is then replaced by its text. The same words for arguments the message prints as they are (`{state}`, not inside a
 * plural or select), which the catalogue test of each message used so checks in both languages.
 */
export function slotTranslator(translate: PlainTranslator): (key: string, values: Record<string, string | number>, textArguments: readonly string[]) => string {
  const memo = memoTranslator(translate);
  return (key, values, textArguments) => {
    const marked = { ...values };
    textArguments.forEach((name, index) => {
      marked[name] = slot(index);
    });
    let text = memo(key, marked);
    textArguments.forEach((name, index) => {
      text = text.split(slot(index)).join(String(values[name]));
    });
    return text;
  };
}
