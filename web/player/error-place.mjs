// Where a scenario error is, in words a reader can find: the line and,
// because one line may hold several commands joined by ';' (the usual
// form in an `ops` attribute or a URL), the command itself. "line 1:
// unknown command 'sett'" sends a blogger hunting through a one-line
// scenario; "line 1, `sett 2`: …" does not.

const MAX_SHOWN = 40;

/** The command as quoted in a message: whitespace squeezed, long ones cut. */
export function shownCommand(text) {
  const t = String(text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > MAX_SHOWN ? `${t.slice(0, MAX_SHOWN - 1)}…` : t;
}

/**
 * One error as a line of text.
 * @param {{ line: number, command?: string, message: string }} error
 * @param {{ lineWord?: string, setupWord?: string }} words how the place
 *   is named: 'line' in the scenario box, 'ops line' on the element, whose
 *   line 0 is one of its set-up attributes ('set-up').
 */
export function errorText({ line, command, message }, { lineWord = 'line', setupWord = 'set-up' } = {}) {
  const cmd = shownCommand(command);
  const place = line ? `${lineWord} ${line}` : setupWord;
  return cmd ? `${place}, \`${cmd}\`: ${message}` : `${place}: ${message}`;
}
