/**
 * `text` without the characters at its end that `char` matches (tested one character at a time): what
 * `text.replace(/[…]+$/, "")` does, in linear time. That regular expression retries from every character of a long
 * run that does not end the text, so an uploaded cell of dots or dashes followed by a letter took minutes.
 */
export function trimEndWhere(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}
