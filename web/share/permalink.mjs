// Sharing the playground's state: the front door of web/share.
//
//   #v=1&type=map[string]int64&seed=7&ops=set+a+1;del+a&step=2.5
//
// encodeState/decodeState: the state in a URL fragment (fragment.mjs).
// embedSnippets: a link, a <go-map-viz> element and an iframe for a state
// (permalinkTo: the link alone);
// parseElementAttributes: the element's attributes read with the same
// grammar (embed.mjs). toScenarioText: the scenario a state replays
// (setup-lines.mjs). stepOfFrame/positionOfStep: a link's step and the
// player's timeline (step.mjs). The grammar itself is fields.mjs.
export { encodeState, decodeState, FRAGMENT_LIMIT, FORMAT_VERSION } from './fragment.mjs';
export { embedSnippets, permalinkTo, parseElementAttributes, elementAttributes, escapeHtml } from './embed.mjs';
export { setupLinesOf, toScenarioText } from './setup-lines.mjs';
export { stepOfFrame, positionOfStep } from './step.mjs';
export { DEFAULT_STATE, FIELDS } from './fields.mjs';
